package io.warden.infra.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The careless or hostile superuser: edits and deletes stored events and audit rows with SQL, past the trigger that
 * keeps the event table immutable, and verification must fail at the position of the change. Each test undoes its
 * change afterwards, and the trail verifies again.
 */
class AuditTamperIT extends ApiTestSupport {

    private Connection superuser;
    private long suspension;

    @BeforeEach
    void aSuspendedAccountBetweenOthersAndATamperingSuperuser() throws SQLException {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        assertThat(alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v))).status()).isEqualTo(200);
        accountWithViolation(newId("acct"), "FREE");
        suspension = jdbc.queryForObject("""
                select global_index from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.AccountSuspendedEvent'""", Long.class, id);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowCount("audit_entry") == rowCount("domain_event_entry"));
        assertValid();

        superuser = DriverManager.getConnection(testDatabase.url(), testDatabase.user(), testDatabase.password());
        // past the immutability trigger, as only a superuser can
        sql("set session_replication_role = replica");
        sql("create temporary table saved_event as select * from domain_event_entry where global_index = " + suspension);
        sql("create temporary table saved_entry as select * from audit_entry where position = " + suspension);
    }

    @AfterEach
    void undoTheChange() throws SQLException {
        sql("delete from domain_event_entry where global_index = " + suspension);
        sql("insert into domain_event_entry select * from saved_event");
        sql("delete from audit_entry where position = " + suspension);
        sql("insert into audit_entry select * from saved_entry");
        superuser.close();
        assertValid();
    }

    @Test
    void one_edited_byte_of_a_stored_payload_is_found_at_that_event() throws SQLException {
        sql("""
                update domain_event_entry set payload = overlay(payload placing 'D'::bytea
                    from position('distillation'::bytea in payload) for 1)
                where global_index = """ + suspension);

        assertInvalidAt(suspension, "stored event");
    }

    @Test
    void one_edited_byte_of_stored_metadata_is_found_at_that_event() throws SQLException {
        sql("""
                update domain_event_entry set meta_data = overlay(meta_data placing 'A'::bytea
                    from position('alice'::bytea in meta_data) for 1)
                where global_index = """ + suspension);

        assertInvalidAt(suspension, "actor");
    }

    @Test
    void a_deleted_stored_event_is_found_at_its_position() throws SQLException {
        sql("delete from domain_event_entry where global_index = " + suspension);

        assertInvalidAt(suspension, "has no stored event");
    }

    @Test
    void an_edited_payload_in_the_audit_trail_is_found() throws SQLException {
        sql("update audit_entry set payload = replace(payload, 'distillation', 'Distillation') where position = " + suspension);

        assertInvalidAt(suspension, "audit entry at position " + suspension + " was altered (payload");
    }

    @Test
    void an_edited_actor_in_the_audit_trail_is_found() throws SQLException {
        sql("update audit_entry set actor = 'mallory' where position = " + suspension);

        assertInvalidAt(suspension, "(actor");
    }

    @Test
    void an_edited_hash_in_the_audit_trail_is_found() throws SQLException {
        sql("update audit_entry set hash = repeat('0', 64) where position = " + suspension);

        assertInvalidAt(suspension, "hash");
    }

    @Test
    void a_deleted_audit_entry_is_found_at_its_position() throws SQLException {
        sql("delete from audit_entry where position = " + suspension);

        assertInvalidAt(suspension, "the entry was deleted");
    }

    @Test
    void deleting_the_newest_entries_is_found_against_an_exported_head() throws SQLException {
        ApiClient.Response verified = carol.get("/api/v1/audit/verification");
        long head = verified.number("headPosition");
        String headHash = verified.text("headHash");
        sql("create temporary table saved_tail as select * from audit_entry where position > " + suspension);
        sql("delete from audit_entry where position > " + suspension);

        ApiClient.Response withoutHead = carol.get("/api/v1/audit/verification");
        ApiClient.Response againstHead = carol.get("/api/v1/audit/verification?expectedHash=" + headHash + "&atPosition=" + head);
        sql("insert into audit_entry select * from saved_tail");

        assertThat(withoutHead.json().get("valid").asBoolean()).as("a shorter trail alone looks like a projection behind").isTrue();
        assertThat(withoutHead.number("pendingEvents")).isEqualTo(head - suspension);
        assertThat(againstHead.json().get("valid").asBoolean()).as(againstHead.toString()).isFalse();
        assertThat(againstHead.number("firstInvalidPosition")).isEqualTo(head);
        assertThat(againstHead.json().get("expectedHeadMatched").asBoolean()).isFalse();
    }

    private void assertInvalidAt(long position, String reason) {
        ApiClient.Response result = carol.get("/api/v1/audit/verification");
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().get("valid").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.number("firstInvalidPosition")).as(result.toString()).isEqualTo(position);
        assertThat(result.text("reason")).contains(reason);
        assertThat(result.number("checkedEntries")).isEqualTo(jdbc.queryForObject(
                "select count(*) from audit_entry where position < ?", Long.class, position));
    }

    private void assertValid() {
        ApiClient.Response result = carol.get("/api/v1/audit/verification");
        assertThat(result.json().get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.number("checkedEntries")).isEqualTo(rowCount("audit_entry"));
    }

    private void sql(String statement) throws SQLException {
        try (PreparedStatement ps = superuser.prepareStatement(statement)) {
            ps.execute();
        }
    }
}
