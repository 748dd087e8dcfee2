package io.warden.query.audit;

import io.warden.api.queries.AuditVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static io.warden.query.audit.StoredEvents.suspension;
import static org.assertj.core.api.Assertions.assertThat;

class AuditChainCheckTest {

    private static final Instant NOW = StoredEvents.T0.plus(Duration.ofDays(1));

    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private final AuditProjection projection = new AuditProjection(ledger);

    @BeforeEach
    void aTrailOfTwentyEvents() {
        LongStream.rangeClosed(1, 20).forEach(p -> ledger.append(suspension(p, "acct-" + (p % 4), p)));
        projection.record(ledger.store.values().stream().map(StoredEvent::eventId).toList());
    }

    @Test
    void an_untouched_trail_is_valid_and_reports_its_head() {
        AuditVerification result = check();

        assertThat(result.valid()).isTrue();
        assertThat(result.checkedEntries()).isEqualTo(20);
        assertThat(result.firstInvalidPosition()).isNull();
        assertThat(result.headPosition()).isEqualTo(20);
        assertThat(result.headHash()).isEqualTo(ledger.trail.get(20L).hash());
        assertThat(result.pendingEvents()).isZero();
    }

    @Test
    void one_edited_byte_of_a_stored_payload_is_found_at_its_position() {
        StoredEvent original = ledger.store.get(7L);
        ledger.store.put(7L, StoredEvents.withPayload(original,
                new String(original.payload()).replace("distillation", "distillatioN")));

        AuditVerification result = check();

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidPosition()).isEqualTo(7);
        assertThat(result.checkedEntries()).isEqualTo(6);
        assertThat(result.reason()).contains("stored event at position 7");
    }

    @Test
    void an_edited_actor_in_an_audit_entry_is_found_and_named() {
        AuditRecord e = ledger.trail.get(5L);
        ledger.trail.put(5L, new AuditRecord(e.position(), e.eventId(), e.type(), e.payloadType(), e.occurredAt(), "mallory",
                e.actorRoles(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(), e.reason(), e.correlationId(),
                e.causationId(), e.payload(), e.metaData(), e.hash(), e.previousHash()));

        AuditVerification result = check();

        assertThat(result.firstInvalidPosition()).isEqualTo(5);
        assertThat(result.reason()).contains("audit entry at position 5 was altered (actor");
    }

    @Test
    void a_deleted_stored_event_is_found_at_its_position() {
        ledger.store.remove(12L);

        AuditVerification result = check();

        assertThat(result.firstInvalidPosition()).isEqualTo(12);
        assertThat(result.reason()).contains("has no stored event");
    }

    @Test
    void a_deleted_audit_entry_is_found_at_its_position() {
        ledger.trail.remove(9L);

        AuditVerification result = check();

        assertThat(result.firstInvalidPosition()).isEqualTo(9);
        assertThat(result.reason()).contains("the entry was deleted");
    }

    @Test
    void a_recent_event_that_committed_late_and_is_not_linked_yet_is_pending() {
        StoredEvent late = StoredEvents.withTimestamp(suspension(21, "acct-x", 0), NOW.minusSeconds(5));
        StoredEvent after = StoredEvents.withTimestamp(suspension(22, "acct-y", 0), NOW.minusSeconds(4));
        ledger.append(late);
        ledger.append(after);
        projection.record(List.of(after.eventId()));

        AuditVerification result = check();

        assertThat(result.valid()).isTrue();
        assertThat(result.pendingEvents()).isEqualTo(1);
        assertThat(result.headPosition()).isEqualTo(22);
    }

    @Test
    void an_old_event_the_chain_skips_is_reported() {
        ledger.append(suspension(21, "acct-x", 0));
        ledger.append(suspension(22, "acct-y", 0));
        projection.record(List.of("evt-22"));

        AuditVerification result = check();

        assertThat(result.firstInvalidPosition()).isEqualTo(21);
        assertThat(result.reason()).contains("chain skips it");
    }

    @Test
    void events_the_projection_has_not_reached_are_pending() {
        ledger.append(suspension(21, "acct-x", 0));

        AuditVerification result = check();

        assertThat(result.valid()).isTrue();
        assertThat(result.pendingEvents()).isEqualTo(1);
        assertThat(result.headPosition()).isEqualTo(20);
    }

    @Test
    void a_consistent_rewrite_of_events_and_chain_is_caught_only_by_an_exported_head() {
        String exported = ledger.trail.get(15L).hash();
        StoredEvent original = ledger.store.get(10L);
        ledger.store.put(10L, StoredEvents.withPayload(original, new String(original.payload()).replace("distillation", "a mistake")));
        projection.reset();
        projection.record(ledger.store.values().stream().map(StoredEvent::eventId).toList());

        assertThat(check().valid()).as("rewritten consistently").isTrue();
        AuditVerification againstHead = new AuditChainCheck(NOW, Duration.ofMinutes(1), exported, 15L)
                .run(events(), entries());

        assertThat(againstHead.valid()).isFalse();
        assertThat(againstHead.firstInvalidPosition()).isEqualTo(15);
        assertThat(againstHead.expectedHeadMatched()).isFalse();
    }

    @Test
    void an_exported_head_that_still_matches_is_confirmed() {
        String exported = ledger.trail.get(15L).hash();

        AuditVerification result = new AuditChainCheck(NOW, Duration.ofMinutes(1), exported, 15L).run(events(), entries());

        assertThat(result.valid()).isTrue();
        assertThat(result.expectedHeadMatched()).isTrue();
        assertThat(result.checkedEntries()).isEqualTo(20);
    }

    @Test
    void truncating_the_newest_entries_is_caught_against_an_exported_head() {
        String exported = ledger.trail.get(20L).hash();
        ledger.trail.remove(20L);
        ledger.trail.remove(19L);

        assertThat(check().valid()).as("without a head, a shorter trail looks like a projection behind").isTrue();
        AuditVerification result = new AuditChainCheck(NOW, Duration.ofMinutes(1), exported, 20L).run(events(), entries());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidPosition()).isEqualTo(20);
    }

    @Test
    void a_stored_event_whose_timestamp_no_longer_reads_is_reported_not_thrown() {
        ledger.store.put(4L, StoredEvents.withTimestampText(ledger.store.get(4L), "yesterday"));

        AuditVerification result = check();

        assertThat(result.firstInvalidPosition()).isEqualTo(4);
        assertThat(result.reason()).contains("cannot be read");
    }

    private AuditVerification check() {
        return new AuditChainCheck(NOW, Duration.ofMinutes(1), null, null).run(events(), entries());
    }

    private java.util.Iterator<StoredEvent> events() {
        return new ArrayList<>(ledger.store.values()).iterator();
    }

    private java.util.Iterator<AuditRecord> entries() {
        return ledger.entries().iterator();
    }
}
