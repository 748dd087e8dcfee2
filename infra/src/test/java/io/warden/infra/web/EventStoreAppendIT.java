package io.warden.infra.web;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.types.Tier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store's appends leave {@code global_index} to the database ({@code V98}): a unit of work's events are
 * numbered in the order they were applied, one after another with no gap, and the unique (aggregate, sequence number)
 * key is still every aggregate's optimistic lock.
 */
@TestPropertySource(properties = {"warden.intake.parallelism=2", "warden.intake.chunk-size=100"})
class EventStoreAppendIT extends ApiTestSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;

    @Test
    void a_bulk_intake_chunk_gets_consecutive_global_indexes_in_the_order_of_its_events() {
        String accountId = newId("acct");
        assertThat(alice.post("/api/v1/accounts", account(accountId, "PRO")).status()).isEqualTo(201);

        ApiClient.Response intake = dave.post("/api/v1/violations:batch", Map.of("violations", batchItems(accountId, 60)));

        assertThat(intake.status()).as(intake.toString()).isEqualTo(200);
        assertThat(intake.json().get("accepted").asInt()).isEqualTo(60);
        List<Long> indexes = jdbc.queryForList("""
                select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number > 0
                order by sequence_number""", Long.class, accountId);
        assertThat(indexes).hasSize(60);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).as("global index of sequence number %d", i + 1).isEqualTo(indexes.get(0) + i);
        }
    }

    @Test
    void a_batch_whose_last_event_repeats_a_stored_sequence_number_is_a_concurrency_conflict_and_stores_nothing() {
        String first = newId("acct");
        String second = newId("acct");
        append(List.of(registered(first, 0), registered(first, 1), registered(second, 0)));

        // Axon names the conflict after the batch's first event: sequence number 0 would make it a stream creation
        assertThatThrownBy(() -> append(List.of(registered(second, 1), registered(second, 2), registered(first, 1))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(storedEvents(first)).isEqualTo(2);
        assertThat(storedEvents(second)).isEqualTo(1);
    }

    /**
     * Another instance of Warden writes to the account after this one cached it, with the same insert as the engine
     * (no {@code global_index}): the stale command collides on (aggregate, sequence number), is answered 409 as
     * problem+json, and leaves no event behind.
     */
    @Test
    void a_stale_command_colliding_with_another_instances_event_is_a_409_and_stores_nothing() {
        String accountId = newId("acct");
        accountWithViolation(accountId, "FREE");
        assertThat(alice.post("/api/v1/accounts/" + accountId + "/flag", Map.of("reason", "warm the cache")).status())
                .isEqualTo(200);
        jdbc.update("""
                insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                select gen_random_uuid()::text, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, 3, type
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 2""", accountId);
        long before = storedEvents(accountId);

        ApiClient.Response stale = alice.post("/api/v1/accounts/" + accountId + "/unflag", Map.of("reason", "stale view"));

        assertProblem(stale, 409);
        assertThat(storedEvents(accountId)).isEqualTo(before);
    }

    private void append(List<GenericDomainEventMessage<AccountRegisteredEvent>> events) {
        transactionManager.executeInTransaction(() -> eventStore.publish(events));
    }

    private static GenericDomainEventMessage<AccountRegisteredEvent> registered(String accountId, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Account", accountId, sequenceNumber,
                new AccountRegisteredEvent(accountId, "Lumen Analytics Ltd.", "org-1", "SG", Tier.PRO));
    }
}
