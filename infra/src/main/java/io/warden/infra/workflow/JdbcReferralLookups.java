package io.warden.infra.workflow;

import io.warden.api.types.ReferredViolation;
import io.warden.command.cases.ReferralLookups;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** {@link ReferralLookups} on {@code lookup_export_violation} (V85) joined with {@code lookup_case_account} (V3). */
class JdbcReferralLookups implements ReferralLookups {

    private final JdbcTemplate jdbc;

    JdbcReferralLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ReferredViolation> exportControlViolationsOfCase(String caseId) {
        return jdbc.query("""
                select v.violation_id, v.account_id, v.policy
                from lookup_case_account c join lookup_export_violation v on v.account_id = c.account_id
                where c.case_id = ?
                order by v.account_id, v.violation_id
                """, (rs, n) -> new ReferredViolation(rs.getString(1), rs.getString(2), rs.getString(3)), caseId);
    }

    @Override
    public void exportControlViolationRecorded(String accountId, String violationId, String policy) {
        jdbc.update("""
                insert into lookup_export_violation (account_id, violation_id, policy) values (?, ?, ?)
                on conflict do nothing
                """, accountId, violationId, policy);
    }
}
