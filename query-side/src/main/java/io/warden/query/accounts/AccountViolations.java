package io.warden.query.accounts;

import io.warden.api.queries.AccountViolation;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import io.warden.query.support.BatchedInserts;
import io.warden.query.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code account_violation}: the violations of each account as the account view lists them, one row each, kept
 * out of the account's JSON document so that recording a violation costs one insert however many the account has.
 */
@Component
class AccountViolations {

    private final JdbcTemplate jdbc;
    /** Written once per processor batch: an intake of thousands of violations is then a few multi-row inserts. */
    private final BatchedInserts inserts;

    AccountViolations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = new BatchedInserts(jdbc, """
                insert into account_violation (account_id, violation_id, category, policy, severity,
                    detected_at, recorded_at, detector, evidence_summary, recorded_seq)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (account_id, violation_id) do nothing""");
    }

    void recorded(String accountId, AccountViolation v, long sequence) {
        inserts.add(accountId, v.violationId(), v.category().name(), v.policy(), v.severity().name(),
                Sql.timestamp(v.detectedAt()), Sql.timestamp(v.recordedAt()), v.detector(), v.evidenceSummary(),
                sequence);
    }

    /** The account's violations in the order they were recorded. */
    List<AccountViolation> of(String accountId) {
        return jdbc.query("""
                        select violation_id, category, policy, severity, detected_at, recorded_at, detector,
                               evidence_summary
                        from account_violation where account_id = ? order by recorded_seq""",
                (rs, i) -> new AccountViolation(rs.getString(1), ViolationCategory.valueOf(rs.getString(2)),
                        rs.getString(3), Severity.valueOf(rs.getString(4)), Sql.instant(rs.getTimestamp(5)),
                        Sql.instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8)),
                accountId);
    }

    void clear() {
        jdbc.update("delete from account_violation");
    }
}
