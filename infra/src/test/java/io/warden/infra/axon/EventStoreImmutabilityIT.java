package io.warden.infra.axon;

import io.warden.api.types.Tier;
import io.warden.api.types.WardenMetaData;
import io.warden.command.account.RegisterAccountCommand;
import io.warden.infra.support.IntegrationTest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store on PostgreSQL: what a command leaves behind, and that nobody can change it afterwards. */
class EventStoreImmutabilityIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandGateway commands;

    /** Account ids registered by the current test, with the command that registered each. */
    private final Map<String, Sent> registered = new LinkedHashMap<>();

    private record Sent(String commandId, String correlationId) {
    }

    @BeforeEach
    void registerAnAccount() {
        register("acc-" + UUID.randomUUID(), "corr-" + UUID.randomUUID());
    }

    @Test
    void updating_a_stored_event_is_refused_by_the_database() {
        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload_type = 'forged'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("stored events are immutable");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = 'forged'",
                Long.class)).isZero();
    }

    @Test
    void deleting_a_stored_event_is_refused_by_the_database() {
        long before = rowCount("domain_event_entry");

        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("stored events are immutable");
        assertThat(rowCount("domain_event_entry")).isEqualTo(before).isPositive();
    }

    @Test
    void truncating_the_event_table_is_refused_by_the_database() {
        long before = rowCount("domain_event_entry");

        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("stored events are immutable");
        assertThat(rowCount("domain_event_entry")).isEqualTo(before).isPositive();
    }

    @Test
    void snapshots_can_still_be_pruned() {
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload) values ('acc-x', 0, 'Account', ?, '2026-01-01T00:00:00Z', 'x', '\\x7b7d')
                """, UUID.randomUUID().toString());

        assertThat(jdbc.update("delete from snapshot_event_entry where aggregate_identifier = 'acc-x'")).isEqualTo(1);
    }

    @Test
    void consecutive_appends_get_consecutive_global_indexes() {
        for (int i = 0; i < 20; i++) {
            register("acc-" + UUID.randomUUID(), "corr-" + i);
        }

        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = any (?) order by global_index",
                Long.class, (Object) registered.keySet().toArray(String[]::new));
        assertThat(indexes).hasSize(21);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).as("global_index after %s", indexes.get(i - 1)).isEqualTo(indexes.get(i - 1) + 1);
        }
        assertThat(jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void payloads_and_metadata_are_json_in_bytea_columns() {
        assertThat(jdbc.queryForList("""
                        select column_name || ':' || data_type from information_schema.columns
                        where table_name in ('domain_event_entry', 'snapshot_event_entry')
                          and column_name in ('payload', 'meta_data')
                        """, String.class))
                .containsOnly("payload:bytea", "meta_data:bytea")
                .hasSize(4);

        Map.Entry<String, Sent> account = registered.entrySet().iterator().next();
        Map<String, Object> row = jdbc.queryForMap(
                "select payload, meta_data, payload_type, payload_revision from domain_event_entry where aggregate_identifier = ?",
                account.getKey());
        JsonNode payload = JSON.readTree((byte[]) row.get("payload"));
        assertThat(row.get("payload_type")).isEqualTo("io.warden.api.events.AccountRegisteredEvent");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat(payload.get("accountId").asString()).isEqualTo(account.getKey());
        assertThat(payload.get("organization").asString()).isEqualTo("Lumen Analytics Ltd.");
        assertThat(payload.get("country").asString()).isEqualTo("SG");
        assertThat(payload.get("tier").asString()).isEqualTo("PRO");

        JsonNode metaData = JSON.readTree((byte[]) row.get("meta_data"));
        assertThat(metaData.get(WardenMetaData.ACTOR).asString()).isEqualTo("alice");
        assertThat(metaData.get(WardenMetaData.ACTOR_ROLES).asString()).isEqualTo("ANALYST");
        assertThat(metaData.get(WardenMetaData.CORRELATION_ID).asString()).isEqualTo(account.getValue().correlationId());
        assertThat(metaData.get(WardenMetaData.CAUSATION_ID).asString()).isEqualTo(account.getValue().commandId());
    }

    private void register(String accountId, String correlationId) {
        CommandMessage<RegisterAccountCommand> command = GenericCommandMessage.<RegisterAccountCommand>asCommandMessage(
                        new RegisterAccountCommand(accountId, "Lumen Analytics Ltd.", "org-1", "SG", Tier.PRO))
                .withMetaData(MetaData.with(WardenMetaData.ACTOR, "alice")
                        .and(WardenMetaData.ACTOR_ROLES, "ANALYST")
                        .and(WardenMetaData.CORRELATION_ID, correlationId));
        commands.sendAndWait(command);
        registered.put(accountId, new Sent(command.getIdentifier(), correlationId));
    }
}
