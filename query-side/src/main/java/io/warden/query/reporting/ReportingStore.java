package io.warden.query.reporting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reporting projection's writes, in plain SQL: the counters are upserts ({@code count = count + delta}) that JPA
 * has no words for, and the batch inserts of links and citations are set-based ({@code unnest}).
 */
@Component
class ReportingStore {

    private final JdbcTemplate jdbc;

    ReportingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- accounts

    /** Answers whether the account was new to the read model. */
    boolean registerAccount(AccountFacts account) {
        return jdbc.update("""
                insert into report_account (account_id, organization, organization_id, country, tier, status, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing""",
                account.accountId, account.organization, account.organizationId, account.country, account.tier,
                account.status().name(), account.lastSequence) == 1;
    }

    Optional<AccountFacts> account(String accountId) {
        return jdbc.query("select * from report_account where account_id = ?", (rs, n) -> {
            AccountFacts a = new AccountFacts(rs.getString("account_id"), rs.getString("organization"),
                    rs.getString("organization_id"), rs.getString("country"), rs.getString("tier"),
                    rs.getLong("last_sequence"));
            a.flagged = rs.getBoolean("flagged");
            a.activeRestrictions = rs.getInt("active_restrictions");
            a.suspensionActionId = rs.getString("suspension_action_id");
            a.banActionId = rs.getString("ban_action_id");
            a.firstViolationAt = instant(rs, "first_violation_at");
            a.firstEnforcedAt = instant(rs, "first_enforced_at");
            long ms = rs.getLong("time_to_action_ms");
            a.timeToActionMs = rs.wasNull() ? null : ms;
            return a;
        }, accountId).stream().findFirst();
    }

    void save(AccountFacts a) {
        jdbc.update("""
                update report_account set flagged = ?, active_restrictions = ?, suspension_action_id = ?, ban_action_id = ?,
                    status = ?, first_violation_at = ?, first_enforced_at = ?, time_to_action_ms = ?, last_sequence = ?
                where account_id = ?""",
                a.flagged, a.activeRestrictions, a.suspensionActionId, a.banActionId, a.status().name(),
                at(a.firstViolationAt), at(a.firstEnforcedAt), a.timeToActionMs, a.lastSequence, a.accountId);
    }

    void insertViolation(AccountFacts account, String violationId, String category, String policy, String severity,
                         Instant detectedAt, Instant recordedAt) {
        jdbc.update("""
                insert into report_violation (account_id, violation_id, organization, organization_id, country, category,
                    policy, severity, detected_at, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                account.accountId, violationId, account.organization, account.organizationId, account.country, category,
                policy, severity, at(detectedAt), at(recordedAt));
    }

    // ---- actions

    void insertAction(String accountId, String actionId, String kind, Instant takenAt, String takenBy,
                      String approvedBy, String caseId, List<String> citedViolationIds) {
        jdbc.update("""
                insert into report_action (account_id, action_id, kind, taken_at, taken_by, approved_by, case_id)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                accountId, actionId, kind, at(takenAt), takenBy, approvedBy, blankToNull(caseId));
        if (!citedViolationIds.isEmpty()) {
            jdbc.update("""
                    insert into report_action_violation (account_id, violation_id, action_id)
                    select ?, v, ? from unnest(?::text[]) as v on conflict do nothing""",
                    accountId, actionId, citedViolationIds.toArray(String[]::new));
        }
    }

    void endActions(String accountId, Collection<String> actionIds, Instant at) {
        if (actionIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                update report_action set ended_at = ? where account_id = ? and action_id = any(?::text[]) and ended_at is null""",
                at(at), accountId, actionIds.toArray(String[]::new));
    }

    void endOpenFlags(String accountId, Instant at) {
        jdbc.update("update report_action set ended_at = ? where account_id = ? and kind = 'FLAG' and ended_at is null",
                at(at), accountId);
    }

    // ---- cases

    boolean openCase(String caseId, String category, String severity, String tier, Instant openedAt, long sequence) {
        return jdbc.update("""
                insert into report_case (case_id, category, severity, tier, opened_at, last_sequence)
                values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""",
                caseId, category, severity, tier, at(openedAt), sequence) == 1;
    }

    Optional<CaseFacts> caseFacts(String caseId) {
        return jdbc.query("select * from report_case where case_id = ?", (rs, n) -> new CaseFacts(rs.getString("case_id"),
                rs.getString("severity"), rs.getString("tier"), instant(rs, "resolved_at"), rs.getString("outcome"),
                rs.getLong("last_sequence")), caseId).stream().findFirst();
    }

    void save(CaseFacts c) {
        jdbc.update("update report_case set tier = ?, resolved_at = ?, outcome = ?, last_sequence = ? where case_id = ?",
                c.tier, at(c.resolvedAt), c.outcome, c.lastSequence, c.caseId);
    }

    void linkAccounts(String caseId, List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into report_case_link (account_id, case_id)
                select a, ? from unnest(?::text[]) as a on conflict do nothing""",
                caseId, accountIds.toArray(String[]::new));
    }

    // ---- shared rows, written once per batch in key order

    void apply(CounterDeltas deltas) {
        List<Object[]> counters = new ArrayList<>();
        for (Map.Entry<CounterDeltas.CounterKey, Long> e : deltas.counters.entrySet()) {
            if (e.getValue() != 0) {
                counters.add(new Object[]{e.getKey().metric(), e.getKey().bucket(), e.getValue()});
            }
        }
        if (!counters.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_counter (metric, bucket, count) values (?, ?, ?)
                    on conflict (metric, bucket) do update set count = report_counter.count + excluded.count""", counters);
        }
        List<Object[]> days = new ArrayList<>();
        deltas.actionsPerDay.forEach((key, count) -> days.add(new Object[]{Date.valueOf(key.day()), key.kind(), count}));
        if (!days.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_actions_per_day (day, kind, count) values (?, ?, ?)
                    on conflict (day, kind) do update set count = report_actions_per_day.count + excluded.count""", days);
        }
        List<Object[]> cases = new ArrayList<>();
        deltas.caseFirstEnforcement.forEach((caseId, at) -> cases.add(new Object[]{caseId, at(at)}));
        if (!cases.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_case_enforcement (case_id, first_enforced_at) values (?, ?)
                    on conflict (case_id) do update
                    set first_enforced_at = least(report_case_enforcement.first_enforced_at, excluded.first_enforced_at)""", cases);
        }
    }

    void clear() {
        jdbc.execute("""
                truncate report_account, report_case, report_case_enforcement, report_case_link, report_violation,
                    report_action, report_action_violation, report_counter, report_actions_per_day""");
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
