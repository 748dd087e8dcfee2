package io.warden.query.reporting;

import io.warden.api.types.ReferredViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reporting projection's reads and writes of its own rows, in plain SQL: a batch of events is written as JDBC
 * batches, the counters are upserts ({@code count = count + delta}) that JPA has no words for, and links are one
 * set-based insert per event ({@code unnest}) however many accounts it links.
 */
@Component
class ReportingStore {

    private final JdbcTemplate jdbc;

    ReportingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- accounts

    Optional<AccountFacts> account(String accountId) {
        return jdbc.query("select * from report_account where account_id = ?", ReportingStore::accountFacts, accountId)
                .stream().findFirst();
    }

    /** The rows of those accounts that have one, in one query. */
    Map<String, AccountFacts> accounts(Collection<String> accountIds) {
        Map<String, AccountFacts> found = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.query(con -> {
                var ps = con.prepareStatement("select * from report_account where account_id = any(?)");
                ps.setArray(1, con.createArrayOf("varchar", accountIds.toArray()));
                return ps;
            }, ReportingStore::accountFacts).forEach(a -> found.put(a.accountId, a));
        }
        return found;
    }

    private static AccountFacts accountFacts(ResultSet rs, int n) throws SQLException {
        AccountFacts a = new AccountFacts(rs.getString("account_id"), rs.getString("organization"),
                rs.getString("organization_id"), rs.getString("country"), rs.getString("tier"),
                rs.getLong("last_sequence"));
        a.flagActionId = rs.getString("flag_action_id");
        a.activeRestrictions = rs.getInt("active_restrictions");
        a.suspensionActionId = rs.getString("suspension_action_id");
        a.banActionId = rs.getString("ban_action_id");
        a.firstViolationAt = instant(rs, "first_violation_at");
        a.firstEnforcedAt = instant(rs, "first_enforced_at");
        long ms = rs.getLong("time_to_action_ms");
        a.timeToActionMs = rs.wasNull() ? null : ms;
        return a;
    }

    void insertAccounts(List<AccountFacts> accounts) {
        batch("""
                insert into report_account (flag_action_id, active_restrictions, suspension_action_id, ban_action_id,
                    status, first_violation_at, first_enforced_at, time_to_action_ms, last_sequence,
                    account_id, organization, organization_id, country, tier)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing""",
                accounts, a -> new Object[]{a.flagActionId, a.activeRestrictions, a.suspensionActionId, a.banActionId,
                        a.status().name(), at(a.firstViolationAt), at(a.firstEnforcedAt), a.timeToActionMs,
                        a.lastSequence, a.accountId, a.organization, a.organizationId, a.country, a.tier});
    }

    void updateAccounts(List<AccountFacts> accounts) {
        batch("""
                update report_account set flag_action_id = ?, active_restrictions = ?, suspension_action_id = ?,
                    ban_action_id = ?, status = ?, first_violation_at = ?, first_enforced_at = ?, time_to_action_ms = ?,
                    last_sequence = ?
                where account_id = ?""",
                accounts, a -> new Object[]{a.flagActionId, a.activeRestrictions, a.suspensionActionId, a.banActionId,
                        a.status().name(), at(a.firstViolationAt), at(a.firstEnforcedAt), a.timeToActionMs,
                        a.lastSequence, a.accountId});
    }

    void insertViolations(List<ReportingBatch.Violation> violations) {
        batch("""
                insert into report_violation (account_id, violation_id, organization, organization_id, country, category,
                    policy, severity, detected_at, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                violations, v -> new Object[]{v.account().accountId, v.violationId(), v.account().organization,
                        v.account().organizationId, v.account().country, v.category(), v.policy(), v.severity(),
                        at(v.detectedAt()), at(v.recordedAt())});
    }

    // ---- actions

    void insertActions(List<ReportingBatch.Action> actions) {
        batch("""
                insert into report_action (account_id, action_id, kind, taken_at, taken_by, approved_by, case_id)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                actions, a -> new Object[]{a.accountId(), a.actionId(), a.kind(), at(a.takenAt()), a.takenBy(),
                        a.approvedBy(), blankToNull(a.caseId())});
        List<Object[]> citations = new ArrayList<>();
        for (ReportingBatch.Action a : actions) {
            for (String violationId : new LinkedHashSet<>(a.citedViolationIds())) {
                citations.add(new Object[]{a.accountId(), violationId, a.actionId()});
            }
        }
        if (!citations.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_action_violation (account_id, violation_id, action_id) values (?, ?, ?)
                    on conflict do nothing""", citations);
        }
    }

    void endActions(List<ReportingBatch.Ending> endings) {
        batch("update report_action set ended_at = ? where account_id = ? and action_id = ? and ended_at is null",
                endings, e -> new Object[]{at(e.at()), e.accountId(), e.actionId()});
    }

    // ---- cases

    Optional<CaseFacts> caseFacts(String caseId) {
        return jdbc.query("select * from report_case where case_id = ?", ReportingStore::caseFacts, caseId)
                .stream().findFirst();
    }

    /** The rows of those cases that have one, in one query. */
    Map<String, CaseFacts> cases(Collection<String> caseIds) {
        Map<String, CaseFacts> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.query(con -> {
                var ps = con.prepareStatement("select * from report_case where case_id = any(?)");
                ps.setArray(1, con.createArrayOf("varchar", caseIds.toArray()));
                return ps;
            }, ReportingStore::caseFacts).forEach(c -> found.put(c.caseId, c));
        }
        return found;
    }

    private static CaseFacts caseFacts(ResultSet rs, int n) throws SQLException {
        return new CaseFacts(rs.getString("case_id"), rs.getString("category"), rs.getString("severity"),
                rs.getString("tier"), instant(rs, "opened_at"), instant(rs, "resolved_at"), rs.getString("outcome"),
                rs.getLong("last_sequence"));
    }

    void insertCases(List<CaseFacts> cases) {
        batch("""
                insert into report_case (tier, resolved_at, outcome, last_sequence, case_id, category, severity, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""",
                cases, c -> new Object[]{c.tier, at(c.resolvedAt), c.outcome, c.lastSequence, c.caseId, c.category,
                        c.severity, at(c.openedAt)});
    }

    void updateCases(List<CaseFacts> cases) {
        batch("update report_case set tier = ?, resolved_at = ?, outcome = ?, last_sequence = ? where case_id = ?",
                cases, c -> new Object[]{c.tier, at(c.resolvedAt), c.outcome, c.lastSequence, c.caseId});
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

    private <T> void batch(String sql, List<T> items, Function<T, Object[]> values) {
        if (items.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(items.size());
        items.forEach(item -> rows.add(values.apply(item)));
        jdbc.batchUpdate(sql, rows);
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
            // a counter back at zero is no row at all, as if its events had come in one batch: a replay in other
            // batches rebuilds the same table (the queries read a missing bucket as zero)
            jdbc.update("delete from report_counter where count = 0");
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

    /** Idempotent: a redelivered breach is the same row. */
    void slaBreached(String caseId, String severity, Instant deadline) {
        jdbc.update("""
                insert into report_case_sla_breach (case_id, severity, deadline) values (?, ?, ?)
                on conflict do nothing""", caseId, severity, Timestamp.from(deadline));
    }

    /** Idempotent: a redelivered referral writes the same rows. One statement for all its violations. */
    void referred(String caseId, String referralId, Instant at, List<ReferredViolation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into report_referred_violation (account_id, violation_id, referral_id, case_id, referred_at)
                select a, v, ?, ?, ? from unnest(?::varchar[], ?::varchar[]) as t(a, v)
                on conflict do nothing""", referralId, caseId, Timestamp.from(at),
                violations.stream().map(ReferredViolation::accountId).toArray(String[]::new),
                violations.stream().map(ReferredViolation::violationId).toArray(String[]::new));
    }

    void clear() {
        jdbc.execute("""
                truncate report_account, report_case, report_case_enforcement, report_case_link, report_violation,
                    report_action, report_action_violation, report_counter, report_actions_per_day,
                    report_case_sla_breach, report_referred_violation""");
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
