package io.warden.query.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.warden.query.audit.StoredEvents.event;
import static io.warden.query.audit.StoredEvents.suspension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditProjectionTest {

    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private final AuditProjection projection = new AuditProjection(ledger);

    @Test
    void every_event_gets_one_entry_linked_to_the_entry_before_it() {
        store(1, 2, 3);

        deliver(1, 2, 3);

        List<AuditRecord> entries = ledger.entries();
        assertThat(entries).extracting(AuditRecord::position).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries.get(2).hash()).isEqualTo(AuditChain.link(entries.get(1).hash(), ledger.store.get(3L)));
    }

    @Test
    void an_entry_carries_who_when_why_and_the_stored_payload() {
        ledger.append(suspension(7, "acct-1", 3));

        deliver(7);

        AuditRecord entry = ledger.trail.get(7L);
        assertThat(entry.type()).isEqualTo("AccountSuspendedEvent");
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.actorRoles()).isEqualTo("ENFORCER");
        assertThat(entry.reason()).isEqualTo("distillation");
        assertThat(entry.correlationId()).isEqualTo("corr-7");
        assertThat(entry.causationId()).isEqualTo("cmd-7");
        assertThat(entry.aggregateType()).isEqualTo("Account");
        assertThat(entry.aggregateId()).isEqualTo("acct-1");
        assertThat(entry.sequenceNumber()).isEqualTo(3);
        assertThat(entry.occurredAt()).isEqualTo(StoredEvents.T0.plusSeconds(7));
        assertThat(entry.payload()).isEqualTo(new String(ledger.store.get(7L).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void a_statement_or_a_comment_is_not_a_reason() {
        ledger.append(event(1, "acct-1", 4, "AppealFiledEvent", "{\"accountId\":\"acct-1\",\"statement\":\"I was not distilling\"}", "acct-1"));

        deliver(1);

        assertThat(ledger.trail.get(1L).reason()).isNull();
    }

    @Test
    void a_redelivered_event_changes_nothing_and_does_not_fork_the_chain() {
        store(1, 2, 3);
        deliver(1, 2);
        List<AuditRecord> before = ledger.entries();

        deliver(2, 2, 1);
        deliver(2, 3);

        assertThat(ledger.entries().subList(0, 2)).isEqualTo(before);
        assertThat(ledger.entries()).hasSize(3);
        assertThat(ledger.trail.get(3L).previousHash()).isEqualTo(before.get(1).hash());
        assertThat(ledger.inserts).isEqualTo(3);
    }

    @Test
    void a_batch_is_written_once_when_its_unit_of_work_commits() {
        store(1, 2, 3);

        inOneBatch(List.of(message(1), message(2), message(3)), m -> assertThat(ledger.trail).isEmpty());

        assertThat(ledger.entries()).extracting(AuditRecord::position).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_batch_that_rolls_back_leaves_nothing_behind_and_the_next_one_links_to_the_table() {
        store(1, 2, 3, 4);
        deliver(1);

        assertThatThrownBy(() -> inOneBatch(List.of(message(2), message(3)), m -> {
            if (m.getIdentifier().equals("evt-3")) {
                throw new IllegalStateException("database went away");
            }
        })).hasMessageContaining("database went away");
        assertThat(ledger.entries()).hasSize(1);

        inOneBatch(List.of(message(2), message(3), message(4)), m -> { });
        assertThat(ledger.trail.get(2L).previousHash()).isEqualTo(ledger.trail.get(1L).hash());
        assertThat(ledger.entries()).hasSize(4);
    }

    @Test
    void an_event_that_commits_late_below_newer_entries_is_linked_into_its_place() {
        store(10, 11, 12, 13);
        deliver(10, 12, 13);

        deliver(11);

        InMemoryAuditLedger inOrder = new InMemoryAuditLedger();
        ledger.store.values().forEach(inOrder::append);
        AuditProjection straight = new AuditProjection(inOrder);
        ledger.store.values().forEach(e -> straight.on(message(e.position())));
        assertThat(ledger.entries()).isEqualTo(inOrder.entries());
    }

    @Test
    void a_replay_after_a_reset_rebuilds_an_identical_chain() {
        long[] positions = LongStream.rangeClosed(1, 50).toArray();
        store(positions);
        deliver(positions);
        List<AuditRecord> original = ledger.entries();

        projection.reset();
        assertThat(ledger.trail).isEmpty();
        for (int from = 0; from < positions.length; from += 7) {
            deliver(java.util.Arrays.copyOfRange(positions, from, Math.min(positions.length, from + 7)));
        }

        assertThat(ledger.entries()).isEqualTo(original);
    }

    @Test
    void an_event_missing_from_the_store_gets_no_entry_and_does_not_block_the_others() {
        store(1, 2);

        inOneBatch(List.of(message(1), message(99), message(2)), m -> { });

        assertThat(ledger.entries()).extracting(AuditRecord::position).containsExactly(1L, 2L);
    }

    @Test
    void the_hash_depends_on_the_stored_row_and_not_on_the_delivered_message() {
        store(1);
        Map<String, Object> oneOrder = new LinkedHashMap<>();
        oneOrder.put("actor", "alice");
        oneOrder.put("correlationId", "c");
        Map<String, Object> otherOrder = new LinkedHashMap<>();
        otherOrder.put("correlationId", "c");
        otherOrder.put("actor", "alice");

        projection.on(new GenericEventMessage<>("evt-1", "payload", oneOrder, Instant.now()));
        AuditRecord first = ledger.trail.get(1L);
        projection.reset();
        projection.on(new GenericEventMessage<>("evt-1", Map.of("other", "shape"), otherOrder, Instant.EPOCH));

        assertThat(ledger.trail.get(1L)).isEqualTo(first);
    }

    @Test
    void the_canonical_entry_is_the_documented_netstring_sequence() throws Exception {
        StoredEvent e = suspension(7, "acct-1", 3);
        String payload = new String(e.payload(), StandardCharsets.UTF_8);
        String metaData = new String(e.metaData(), StandardCharsets.UTF_8);
        String expected = ns("warden-audit-v1") + ns("7") + ns("evt-7") + ns("Account") + ns("acct-1") + ns("3")
                + ns("2026-02-23T09:15:07Z") + ns("io.warden.api.events.AccountSuspendedEvent") + ns("1")
                + ns(payload) + ns(metaData);

        assertThat(new String(AuditChain.canonicalEntry(e), StandardCharsets.UTF_8)).isEqualTo(expected);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((AuditChain.GENESIS + expected).getBytes(StandardCharsets.UTF_8));
        assertThat(AuditChain.link(AuditChain.GENESIS, e)).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void absent_values_are_written_as_a_dash_so_they_differ_from_empty_ones() {
        StoredEvent withoutMetaData = new StoredEvent(1, "e", null, "x", 0, "2026-02-23T09:15:00Z", "T", null, "{}".getBytes(), null);
        StoredEvent withEmptyOnes = new StoredEvent(1, "e", "", "x", 0, "2026-02-23T09:15:00Z", "T", "", "{}".getBytes(), new byte[0]);

        assertThat(new String(AuditChain.canonicalEntry(withoutMetaData), StandardCharsets.UTF_8)).endsWith(",1:T,-2:{},-");
        assertThat(AuditChain.link(AuditChain.GENESIS, withoutMetaData)).isNotEqualTo(AuditChain.link(AuditChain.GENESIS, withEmptyOnes));
    }

    @Test
    void key_order_does_not_change_what_an_entry_shows_but_every_stored_byte_counts_for_the_hash() {
        StoredEvent one = event(1, "acct-1", 0, "AccountFlaggedEvent", "{\"accountId\":\"acct-1\",\"reason\":\"bursty\"}", "alice");
        StoredEvent reordered = StoredEvents.withPayload(one, "{\"reason\":\"bursty\",\"accountId\":\"acct-1\"}");

        AuditRecord a = AuditRecord.derive(one, AuditChain.GENESIS);
        AuditRecord b = AuditRecord.derive(reordered, AuditChain.GENESIS);

        assertThat(b.reason()).isEqualTo(a.reason()).isEqualTo("bursty");
        assertThat(b.actor()).isEqualTo(a.actor());
        assertThat(AuditChain.link(AuditChain.GENESIS, one)).isEqualTo(AuditChain.link(AuditChain.GENESIS, one));
        assertThat(b.hash()).as("a reordered stored payload is an edit of the stored bytes").isNotEqualTo(a.hash());
    }

    private static String ns(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length + ":" + value + ",";
    }

    private void store(long... positions) {
        for (long p : positions) {
            ledger.append(suspension(p, "acct-" + (p % 3), p));
        }
    }

    private void deliver(long... positions) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (long p : positions) {
            messages.add(message(p));
        }
        inOneBatch(messages, m -> { });
    }

    private void inOneBatch(List<EventMessage<?>> messages, java.util.function.Consumer<EventMessage<?>> alsoDo) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        Throwable failure;
        try {
            var result = batch.executeWithResult(() -> {
                EventMessage<?> current = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                projection.on(current);
                alsoDo.accept(current);
                return null;
            });
            failure = result.isExceptional() ? result.exceptionResult() : null;
        } catch (Exception e) {
            failure = e;
        }
        if (failure != null) {
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        }
    }

    private static EventMessage<?> message(long position) {
        return new GenericEventMessage<>("evt-" + position, "ignored", MetaData.emptyInstance(), Instant.now());
    }
}
