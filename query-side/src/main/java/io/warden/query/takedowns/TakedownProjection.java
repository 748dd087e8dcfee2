package io.warden.query.takedowns;

import io.warden.api.events.CaseEnforcementApprovedEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRejectedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.types.AccountOutcome;
import io.warden.api.types.TakedownStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the takedown view: {@code takedown_view} (one row per takedown, its status and running counts) and
 * {@code takedown_account_outcome} (its first skips and failures with their reasons). Every row carries the case's
 * sequence number of the takedown's latest event, and a row only moves forward: a redelivered event changes
 * nothing, however many events a transaction holds.
 */
@Component
@ProcessingGroup(TakedownProjection.PROCESSING_GROUP)
class TakedownProjection {

    static final String PROCESSING_GROUP = "takedowns";
    /** Skips and failures kept by name per takedown; the counts are complete. */
    static final int NAMED_OUTCOMES = 100;

    private final JdbcTemplate jdbc;

    TakedownProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEnforcementRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TakedownStatus status = event.approvalRequired() ? TakedownStatus.PENDING_APPROVAL : TakedownStatus.RUNNING;
        jdbc.update("""
                insert into takedown_view (enforcement_id, case_id, action, reason, status, total, done, skipped, failed,
                                           requested_by, requested_at, version)
                values (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)
                on conflict (enforcement_id) do nothing
                """, event.enforcementId(), event.caseId(), event.action().name(), event.reason(), status.name(),
                event.total(), event.requestedBy(), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(CaseEnforcementApprovedEvent event, @SequenceNumber long sequence) {
        jdbc.update("update takedown_view set approved_by = ?, version = ? where enforcement_id = ? and version < ?",
                event.approvedBy(), sequence, event.enforcementId(), sequence);
    }

    @EventHandler
    void on(CaseEnforcementStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                update takedown_view set status = ?, approved_by = ?, started_at = ?, version = ?
                where enforcement_id = ? and version < ?
                """, TakedownStatus.RUNNING.name(), event.approvedBy(), java.sql.Timestamp.from(at), sequence,
                event.enforcementId(), sequence);
    }

    @EventHandler
    void on(CaseEnforcementRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                update takedown_view set status = ?, rejected_by = ?, completed_at = ?, version = ?
                where enforcement_id = ? and version < ?
                """, TakedownStatus.REJECTED.name(), event.rejectedBy(), java.sql.Timestamp.from(at), sequence,
                event.enforcementId(), sequence);
    }

    @EventHandler
    void on(CaseEnforcementProgressedEvent event, @SequenceNumber long sequence) {
        int moved = jdbc.update("""
                update takedown_view set done = ?, skipped = ?, failed = ?, version = ?
                where enforcement_id = ? and version < ?
                """, event.done(), event.skipped(), event.failed(), sequence, event.enforcementId(), sequence);
        if (moved == 1) {
            keep(event.enforcementId(), "SKIPPED", event.skips(), sequence);
            keep(event.enforcementId(), "FAILED", event.failures(), sequence);
        }
    }

    @EventHandler
    void on(CaseEnforcementCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                update takedown_view set status = ?, total = ?, done = ?, skipped = ?, failed = ?, completed_at = ?,
                                         version = ?
                where enforcement_id = ? and version < ?
                """, TakedownStatus.COMPLETED.name(), event.total(), event.done(), event.skipped(), event.failed(),
                java.sql.Timestamp.from(at), sequence, event.enforcementId(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from takedown_account_outcome");
        jdbc.update("delete from takedown_view");
    }

    /** Adds named outcomes while the takedown has fewer than {@link #NAMED_OUTCOMES} of that kind. */
    private void keep(String enforcementId, String outcome, List<AccountOutcome> outcomes, long sequence) {
        if (outcomes == null || outcomes.isEmpty()) {
            return;
        }
        Integer kept = jdbc.queryForObject(
                "select count(*) from takedown_account_outcome where enforcement_id = ? and outcome = ?",
                Integer.class, enforcementId, outcome);
        int room = NAMED_OUTCOMES - (kept == null ? 0 : kept);
        List<AccountOutcome> toKeep = outcomes.stream().limit(Math.max(0, room)).toList();
        if (toKeep.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into takedown_account_outcome (enforcement_id, account_id, outcome, reason, position)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, toKeep, toKeep.size(), (statement, o) -> {
            statement.setString(1, enforcementId);
            statement.setString(2, o.accountId());
            statement.setString(3, outcome);
            statement.setString(4, o.reason() == null ? "" : o.reason());
            statement.setLong(5, sequence);
        });
    }
}
