package io.warden.query.reporting;

import io.warden.api.queries.ComplianceReportPage;
import io.warden.api.queries.ComplianceReportRow;
import io.warden.api.queries.ComplianceTotals;
import io.warden.api.queries.FindComplianceReportPageQuery;
import io.warden.api.queries.FindComplianceTotalsQuery;
import io.warden.api.types.ActionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.warden.query.reporting.ReportingStore.at;
import static io.warden.query.reporting.ReportingStore.instant;

/**
 * Answers the compliance report from the reporting tables only. A page is two statements whatever its size: the
 * violations (with the account's cases), then the actions of all of them at once.
 */
@Component
class ComplianceReportQueries {

    /**
     * The actions taken on a set of violations, given as parallel arrays (account ids, violation ids): those that
     * cite the violation, and those on its account that cite a case without citing it.
     */
    private static final String ACTIONS_OF = """
            with v(account_id, violation_id) as (select * from unnest(?::text[], ?::text[]))
            select v.account_id, v.violation_id, 'VIOLATION' as cited_as, a.*
            from v
            join report_action_violation av on av.account_id = v.account_id and av.violation_id = v.violation_id
            join report_action a on a.account_id = av.account_id and a.action_id = av.action_id
            union all
            select v.account_id, v.violation_id, 'CASE' as cited_as, a.*
            from v
            join report_action a on a.account_id = v.account_id and a.case_id is not null
            where not exists (select 1 from report_action_violation av where av.account_id = v.account_id
                              and av.violation_id = v.violation_id and av.action_id = a.action_id)
            order by 1, 2, taken_at, action_id""";

    private final JdbcTemplate jdbc;

    ComplianceReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public ComplianceReportPage handle(FindComplianceReportPageQuery query) {
        List<Object> args = new ArrayList<>(List.of(at(query.from()), at(query.to())));
        StringBuilder where = new StringBuilder("v.detected_at >= ? and v.detected_at < ?");
        if (query.category() != null) {
            where.append(" and v.category = ?");
            args.add(query.category().name());
        }
        if (query.after() != null) {
            where.append(" and (v.detected_at, v.violation_id, v.account_id) > (?, ?, ?)");
            args.add(at(query.after().detectedAt()));
            args.add(query.after().violationId());
            args.add(query.after().accountId());
        }
        args.add(query.limit());
        List<ComplianceReportRow> rows = jdbc.query("""
                select v.*, (select array_agg(l.case_id order by l.case_id) from report_case_link l
                             where l.account_id = v.account_id) as case_ids,
                       (select min(r.referral_id) from report_referred_violation r
                        where r.account_id = v.account_id and r.violation_id = v.violation_id) as referral_id
                from report_violation v
                where %s
                order by v.detected_at, v.violation_id, v.account_id
                limit ?""".formatted(where), (rs, n) -> new ComplianceReportRow(
                rs.getString("violation_id"), rs.getString("account_id"), rs.getString("organization"),
                rs.getString("organization_id"), rs.getString("country"),
                ViolationCategory.valueOf(rs.getString("category")), rs.getString("policy"),
                Severity.valueOf(rs.getString("severity")), instant(rs, "detected_at"), new ArrayList<>(),
                strings(rs.getArray("case_ids")), rs.getString("referral_id")), args.toArray());
        if (rows.isEmpty()) {
            return new ComplianceReportPage(List.of(), null);
        }
        attachActions(rows);
        ComplianceReportRow last = rows.get(rows.size() - 1);
        ComplianceReportPage.Cursor next = rows.size() < query.limit()
                ? null
                : new ComplianceReportPage.Cursor(last.detectedAt(), last.violationId(), last.accountId());
        return new ComplianceReportPage(rows, next);
    }

    private void attachActions(List<ComplianceReportRow> rows) {
        Map<String, List<ComplianceReportRow.ReportedAction>> byViolation = new HashMap<>();
        for (ComplianceReportRow row : rows) {
            byViolation.put(key(row.accountId(), row.violationId()), row.actions());
        }
        jdbc.query(ACTIONS_OF, rs -> {
            byViolation.get(key(rs.getString(1), rs.getString(2))).add(new ComplianceReportRow.ReportedAction(
                    rs.getString("action_id"), ActionKind.valueOf(rs.getString("kind")),
                    ComplianceReportRow.Citation.valueOf(rs.getString("cited_as")), instant(rs, "taken_at"),
                    rs.getString("taken_by"), rs.getString("approved_by"), rs.getString("case_id"),
                    instant(rs, "ended_at")));
        }, rows.stream().map(ComplianceReportRow::accountId).toArray(String[]::new),
                rows.stream().map(ComplianceReportRow::violationId).toArray(String[]::new));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public ComplianceTotals handle(FindComplianceTotalsQuery query) {
        String period = "detected_at >= ? and detected_at < ?" + (query.category() == null ? "" : " and category = ?");
        Object[] args = query.category() == null
                ? new Object[]{at(query.from()), at(query.to())}
                : new Object[]{at(query.from()), at(query.to()), query.category().name()};

        Map<String, Long> byPolicy = new LinkedHashMap<>();
        jdbc.query("select policy, count(*) from report_violation where " + period
                + " group by policy order by 2 desc, 1", rs -> {
            byPolicy.put(rs.getString(1), rs.getLong(2));
        }, args);
        Map<String, Long> byCountry = new LinkedHashMap<>();
        jdbc.query("select country, count(*) from report_violation where " + period
                + " group by country order by 2 desc, 1", rs -> {
            byCountry.put(rs.getString(1), rs.getLong(2));
        }, args);

        String acted = """
                with v as (select account_id, violation_id from report_violation where %s),
                acted as (
                    select v.account_id, v.violation_id, a.action_id, a.kind
                    from v
                    join report_action_violation av on av.account_id = v.account_id and av.violation_id = v.violation_id
                    join report_action a on a.account_id = av.account_id and a.action_id = av.action_id
                    union
                    select v.account_id, v.violation_id, a.action_id, a.kind
                    from v join report_action a on a.account_id = v.account_id and a.case_id is not null)
                """.formatted(period);
        Map<ActionKind, Long> byKind = new EnumMap<>(ActionKind.class);
        Arrays.stream(ActionKind.values()).forEach(k -> byKind.put(k, 0L));
        long[] counts = new long[2];
        // one statement, so that the set of acted-on violations is computed once for both figures
        jdbc.query(acted + """
                select kind, count(*) from (select distinct account_id, action_id, kind from acted) d group by kind
                union all
                select '#violations', count(*) from v
                union all
                select '#unactioned', count(*) from v where not exists (select 1 from acted
                    where acted.account_id = v.account_id and acted.violation_id = v.violation_id)""", rs -> {
            String what = rs.getString(1);
            switch (what) {
                case "#violations" -> counts[0] = rs.getLong(2);
                case "#unactioned" -> counts[1] = rs.getLong(2);
                default -> byKind.put(ActionKind.valueOf(what), rs.getLong(2));
            }
        }, args);
        return new ComplianceTotals(counts[0], counts[1], byPolicy, byCountry, byKind);
    }

    private static String key(String accountId, String violationId) {
        return accountId + '\u0000' + violationId;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
