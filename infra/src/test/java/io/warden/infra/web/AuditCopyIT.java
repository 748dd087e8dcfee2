package io.warden.infra.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit entries are written with {@code COPY}: what every column reads back must be what the projection
 * derived, whatever the characters (those the text format escapes above all), and a batch that rolls back must
 * take its copied rows with it.
 */
@TestPropertySource(properties = "warden.audit.settle-time=0s")
class AuditCopyIT extends ApiTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Reasons with the characters COPY's text format treats specially, and some it must leave alone. */
    private static final List<String> REASONS = List.of("tab\there\t", "line\nbreak\n", "carriage\rreturn\r\n",
            "back\\slash \\N \\. \\\\ \\t end\\", "\\N", "\\.", "quotes \"double\" 'single' `back`",
            "unicode café 中文 😀 e\u0301 \u2028\u2029 \u00a0", "controls \u0001\u0008\u000b\u000c\u001b\u001f\u007f",
            "  leading and trailing spaces  ", "json-ish {\"reason\":null} [1,2] \\u0041", "comma, semicolon; pipe|");

    @AfterEach
    void noTestBlocksTheAuditProcessorAnyLonger() {
        jdbc.execute("drop trigger if exists block_audit_token on token_entry");
        jdbc.execute("drop trigger if exists count_audit_rows on audit_entry");
    }

    @Test
    void entries_with_special_characters_read_back_exactly_as_derived_and_the_trail_verifies() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String reason : REASONS) {
            String id = newId("acct");
            accountWithViolation(id, "PRO");
            ApiClient.Response flagged = alice.post("/api/v1/accounts/" + id + "/flag", Map.of("reason", reason));
            assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
            reasons.put(id, reason);
        }
        String probe = newId("probe");
        // hand-written stored events: raw tabs, line breaks and backslashes in the payload text itself, an empty reason
        // (not NULL), JSON null, no reason, a number, a payload that is not JSON, a time stamp finer than the column
        // keeps (the metadata stays JSON that Axon can read: every processor reads it)
        append(probe, 0, "{\n\t\"reason\" :\t\"\",\r\n\t\"note\" : \"a\\\\b\\tc\\nd\"\n}",
                "{\"actor\":\"tab\\there\",\"actorRoles\":\"A,\\\\B\",\"correlationId\":\"\\\\N\",\"causationId\":\"\"}",
                "2026-02-23T09:15:00.123456789Z");
        append(probe, 1, "{\"reason\":null,\"x\":\"\\u0000 escaped NUL stays text\"}", "{}", "2026-02-23T09:15:01Z");
        append(probe, 2, "{\"x\":[\"\\\\N\",\"\t\"]}", "{}", "2026-02-23T09:15:02.5Z");
        append(probe, 3, "{\"reason\":7.50}", "{\"actorRoles\":[\"A\",\"B\"]}", "2026-02-23T09:15:03.000001Z");
        append(probe, 4, "{\"reason\":\"tab\\tnewline\\nbackslash\\\\ \\u00e9\\ud83d\\ude00\"} ", "{\"traceId\":\"\\\\\"}",
                "2026-02-23T09:15:04Z");
        append(probe, 5, "not json\t\\", "{}", "2026-02-23T09:15:05Z");

        awaitTrailComplete();

        reasons.forEach((id, reason) -> assertThat(jdbc.queryForObject(
                "select reason from audit_entry where aggregate_id = ? and type = 'AccountFlaggedEvent'", String.class, id))
                .as("the reason of %s", id).isEqualTo(reason));
        List<Map<String, Object>> written = jdbc.queryForList("""
                select reason, actor, actor_roles, correlation_id, causation_id, payload, meta_data,
                    occurred_at = '2026-02-23 09:15:00.123456+00'::timestamptz as truncated_to_micros
                from audit_entry where aggregate_id = ? order by sequence_number""", probe);
        assertThat(written).extracting(row -> row.get("reason")).containsExactly("", null, null, "7.5",
                "tab\tnewline\nbackslash\\ \u00e9\ud83d\ude00", null);
        assertThat(written.get(0)).containsEntry("actor", "tab\there").containsEntry("actor_roles", "A,\\B")
                .containsEntry("correlation_id", "\\N").containsEntry("causation_id", "")
                .containsEntry("truncated_to_micros", true);
        assertThat(written.get(1)).containsEntry("meta_data", "{}").containsEntry("actor", null);
        assertThat(written.get(3)).containsEntry("actor_roles", "[\"A\",\"B\"]").containsEntry("actor", null);
        assertThat(written.get(5)).containsEntry("payload", "not json\t\\");
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry a join domain_event_entry d on d.global_index = a.position
                where a.payload is distinct from convert_from(d.payload, 'UTF8')
                   or a.meta_data is distinct from convert_from(d.meta_data, 'UTF8')
                   or a.event_id <> d.event_identifier or a.aggregate_id <> d.aggregate_identifier
                   or a.sequence_number <> d.sequence_number or a.aggregate_type is distinct from d.type""", Long.class))
                .as("entries whose stored columns differ from their event's").isZero();
        ApiClient.Response verified = carol.get("/api/v1/audit/verification");
        assertThat(verified.json().get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.number("checkedEntries")).isEqualTo(rowCount("domain_event_entry"));
    }

    @Test
    void a_batch_whose_transaction_rolls_back_leaves_none_of_its_copied_rows() {
        awaitTrailComplete();
        long before = rowCount("audit_entry");
        // rows the copy writes are counted by a sequence, which a rollback does not undo; the audit processor's
        // token cannot move on, checked at commit (the token is written before the entries), so every batch of it
        // fails after its copy
        jdbc.execute("create sequence if not exists audit_rows_copied");
        jdbc.execute("""
                create or replace function count_audit_row() returns trigger language plpgsql as $$
                begin perform nextval('audit_rows_copied'); return new; end $$""");
        jdbc.execute("create trigger count_audit_rows after insert on audit_entry for each row execute function count_audit_row()");
        jdbc.execute("""
                create or replace function block_audit_token() returns trigger language plpgsql as $$
                begin
                    if new.processor_name = 'audit' and new.token is distinct from old.token then
                        raise exception 'the test holds the audit processor back';
                    end if;
                    return null;
                end $$""");
        jdbc.execute("""
                create constraint trigger block_audit_token after update on token_entry deferrable initially deferred
                for each row execute function block_audit_token()""");
        long copiedBefore = copiedRows();

        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String probe = newId("probe");
            append(probe, 0, "{\"reason\":\"rolled back " + i + "\"}", "{\"actor\":\"test\"}", "2026-02-23T10:00:0" + i + "Z");
            probes.add(probe);
        }
        long added = rowCount("domain_event_entry") - before;

        // two failed attempts, so the first has certainly ended before the trail is looked at (or rows that stayed)
        await().atMost(PATIENCE).until(() -> copiedRows() - copiedBefore >= 2 * added || rowCount("audit_entry") > before);
        assertThat(rowCount("audit_entry")).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where aggregate_id = any(?)", Long.class,
                (Object) probes.toArray(String[]::new))).isZero();

        jdbc.execute("drop trigger block_audit_token on token_entry");
        awaitTrailComplete();
        assertThat(jdbc.queryForList("select reason from audit_entry where aggregate_id = any(?) order by position",
                String.class, (Object) probes.toArray(String[]::new)))
                .containsExactly("rolled back 0", "rolled back 1", "rolled back 2");
        ApiClient.Response verified = carol.get("/api/v1/audit/verification");
        assertThat(verified.json().get("valid").asBoolean()).as(verified.toString()).isTrue();
    }

    /** A stored event of a type no handler knows (only the audit trail takes every event), with the given bytes. */
    private void append(String aggregateId, long sequence, String payload, String metaData, String timestamp) {
        jdbc.update("""
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                            event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (nextval('domain_event_entry_seq'), ?, ?, 'Probe', ?, ?, 'io.warden.test.HandWrittenEvent', null, ?, ?)""",
                aggregateId, sequence, UUID.randomUUID().toString(), timestamp, payload.getBytes(StandardCharsets.UTF_8),
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }

    private long copiedRows() {
        return jdbc.queryForObject("select case when is_called then last_value else 0 end from audit_rows_copied", Long.class);
    }

    private void awaitTrailComplete() {
        await().atMost(PATIENCE).until(() -> rowCount("audit_entry") == rowCount("domain_event_entry"));
    }
}
