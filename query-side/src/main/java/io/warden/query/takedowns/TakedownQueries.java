package io.warden.query.takedowns;

import io.warden.api.queries.FindTakedownQuery;
import io.warden.api.queries.TakedownView;
import io.warden.api.types.AccountOutcome;
import io.warden.api.types.ActionKind;
import io.warden.api.types.TakedownStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Answers a takedown's progress from the takedown view's own tables; null when the case has no such takedown. */
@Component
class TakedownQueries {

    private final JdbcTemplate jdbc;

    TakedownQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public TakedownView handle(FindTakedownQuery query) {
        List<TakedownView> found = jdbc.query("""
                select enforcement_id, case_id, action, reason, status, total, done, skipped, failed, requested_by,
                       approved_by, rejected_by, requested_at, started_at, completed_at, version
                from takedown_view where enforcement_id = ? and case_id = ?
                """, (row, n) -> view(row, outcomes(row.getString(1), "SKIPPED"), outcomes(row.getString(1), "FAILED")),
                query.enforcementId(), query.caseId());
        return found.isEmpty() ? null : found.get(0);
    }

    private List<AccountOutcome> outcomes(String enforcementId, String outcome) {
        return jdbc.query("""
                select account_id, reason from takedown_account_outcome
                where enforcement_id = ? and outcome = ? order by position, account_id
                """, (row, n) -> new AccountOutcome(row.getString(1), row.getString(2)), enforcementId, outcome);
    }

    private static TakedownView view(ResultSet row, List<AccountOutcome> skips, List<AccountOutcome> failures)
            throws SQLException {
        return new TakedownView(row.getString(1), row.getString(2), ActionKind.valueOf(row.getString(3)),
                row.getString(4), TakedownStatus.valueOf(row.getString(5)), row.getLong(6), row.getLong(7),
                row.getLong(8), row.getLong(9), skips, failures, row.getString(10), row.getString(11),
                row.getString(12), instant(row.getTimestamp(13)), instant(row.getTimestamp(14)),
                instant(row.getTimestamp(15)), row.getLong(16));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
