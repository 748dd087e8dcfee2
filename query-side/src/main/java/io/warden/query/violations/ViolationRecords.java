package io.warden.query.violations;

import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.ActionState;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.RestrictionKind;
import io.warden.query.support.BatchedInserts;
import io.warden.query.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The writes of the violation read model, each one idempotent: {@code violation_view} (one row per violation),
 * {@code violation_citation} (one row per action citing a violation by id, with the action's state) and
 * {@code violation_account_version} (how far the model has followed each account, for {@code minVersion}).
 * A citation only attaches to a violation recorded on the same account.
 */
@Component
class ViolationRecords {

    private final JdbcTemplate jdbc;
    /**
     * Violations are written once per processor batch (a bulk intake is then a few multi-row inserts), and before any
     * statement of the batch that reads {@code violation_view}.
     */
    private final BatchedInserts violations;

    ViolationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.violations = new BatchedInserts(jdbc, """
                insert into violation_view (violation_id, account_id, category, policy, severity, detected_at,
                    recorded_at, detector, evidence_summary, confidence, interaction_count, source_country)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (violation_id) do nothing""");
    }

    void recorded(ViolationRecordedEvent e, Instant at) {
        var evidence = e.evidence();
        violations.add(e.violationId(), e.accountId(), e.category().name(), e.policy(), e.severity().name(),
                Sql.timestamp(e.detectedAt()), Sql.timestamp(at),
                evidence == null ? null : evidence.detector(), evidence == null ? null : evidence.summary(),
                evidence == null ? null : evidence.confidence(), evidence == null ? null : evidence.interactionCount(),
                evidence == null ? null : evidence.sourceCountry());
    }

    /**
     * An action citing violations of its account. Restrictions, suspensions and bans mark a violation as actioned
     * (keeping the first time); a flag is listed as citing it but does not.
     */
    void cited(String accountId, String actionId, ActionKind kind, RestrictionKind restrictionKind, String reason,
               String imposedBy, String approvedBy, Instant at, long sequence, EnforcementGrounds grounds) {
        List<String> violationIds = grounds == null ? List.of() : grounds.violationIds();
        if (violationIds.isEmpty()) {
            return;
        }
        violations.write();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into violation_citation (violation_id, action_id, account_id, kind, restriction_kind,
                        reason, imposed_by, approved_by, imposed_at, imposed_seq, state)
                    select v.violation_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE'
                    from violation_view v where v.violation_id = any(?) and v.account_id = ?
                    on conflict (violation_id, action_id) do nothing""");
            statement.setString(1, actionId);
            statement.setString(2, accountId);
            statement.setString(3, kind.name());
            statement.setString(4, restrictionKind == null ? null : restrictionKind.name());
            statement.setString(5, reason);
            statement.setString(6, imposedBy);
            statement.setString(7, approvedBy);
            statement.setTimestamp(8, Sql.timestamp(at));
            statement.setLong(9, sequence);
            statement.setArray(10, Sql.textArray(connection, violationIds));
            statement.setString(11, accountId);
            return statement;
        });
        if (kind != ActionKind.FLAG) {
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("""
                        update violation_view set first_actioned_at = ?
                        where violation_id = any(?) and account_id = ? and first_actioned_at is null""");
                statement.setTimestamp(1, Sql.timestamp(at));
                statement.setArray(2, Sql.textArray(connection, violationIds));
                statement.setString(3, accountId);
                return statement;
            });
        }
    }

    /** Ends the account's active actions in {@code actionIds}. */
    void ended(String accountId, List<String> actionIds, ActionState state, Instant at) {
        if (actionIds.isEmpty()) {
            return;
        }
        violations.write();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    update violation_citation set state = ?, ended_at = ?
                    where account_id = ? and action_id = any(?) and state = 'ACTIVE'""");
            statement.setString(1, state.name());
            statement.setTimestamp(2, Sql.timestamp(at));
            statement.setString(3, accountId);
            statement.setArray(4, Sql.textArray(connection, actionIds));
            return statement;
        });
    }

    /**
     * Lifts the account's flag. An unflag event names no flag, so it lifts the flags imposed before it: a
     * redelivered unflag never lifts a flag set after it.
     */
    void unflagged(String accountId, long sequence, Instant at) {
        violations.write();
        jdbc.update("""
                        update violation_citation set state = 'LIFTED', ended_at = ?
                        where account_id = ? and kind = 'FLAG' and state = 'ACTIVE' and imposed_seq < ?""",
                Sql.timestamp(at), accountId, sequence);
    }

    /** Records how far the model has followed each account; a version never goes back. */
    void followed(Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<Object[]> rows = versions.entrySet().stream()
                .map(e -> new Object[]{e.getKey(), e.getValue()})
                .toList();
        jdbc.batchUpdate("""
                insert into violation_account_version (account_id, version) values (?, ?)
                on conflict (account_id) do update set version = greatest(violation_account_version.version, excluded.version)""",
                rows);
    }

    void clear() {
        jdbc.update("delete from violation_citation");
        jdbc.update("delete from violation_view");
        jdbc.update("delete from violation_account_version");
    }
}
