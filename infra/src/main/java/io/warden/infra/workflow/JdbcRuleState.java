package io.warden.infra.workflow;

import io.warden.command.rules.RuleState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** {@link RuleState} on {@code rule_violation} and {@code rule_firing} (V85), in the rule processor's transaction. */
class JdbcRuleState implements RuleState {

    private static final RowMapper<SeenViolation> SEEN = (rs, n) ->
            new SeenViolation(rs.getString(1), rs.getTimestamp(2).toInstant());

    private final JdbcTemplate jdbc;

    JdbcRuleState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void seen(String rule, String accountId, String violationId, Instant detectedAt) {
        jdbc.update("""
                insert into rule_violation (rule_name, account_id, violation_id, detected_at) values (?, ?, ?, ?)
                on conflict do nothing
                """, rule, accountId, violationId, Timestamp.from(detectedAt));
    }

    @Override
    public List<SeenViolation> seenBetween(String rule, String accountId, Instant from, Instant to) {
        return jdbc.query("""
                select violation_id, detected_at from rule_violation
                where rule_name = ? and account_id = ? and detected_at between ? and ?
                """, SEEN, rule, accountId, Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public List<SeenViolation> seenAll(String rule, String accountId) {
        return jdbc.query("select violation_id, detected_at from rule_violation where rule_name = ? and account_id = ?",
                SEEN, rule, accountId);
    }

    @Override
    public boolean fired(String rule, String accountId, String triggeringViolationId) {
        return jdbc.update("""
                insert into rule_firing (rule_name, account_id, violation_id) values (?, ?, ?)
                on conflict do nothing
                """, rule, accountId, triggeringViolationId) == 1;
    }
}
