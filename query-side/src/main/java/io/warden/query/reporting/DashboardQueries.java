package io.warden.query.reporting;

import io.warden.api.queries.DashboardView;
import io.warden.api.queries.FindDashboardQuery;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.warden.query.reporting.ReportingStore.at;

/**
 * Answers the dashboard from the reporting tables only, reading small ones: the counters whole, the days asked for,
 * the cases (for SLAs, which depend on now and on the configured durations), and the indexed per-account interval
 * for the percentiles. Nothing scans the violations.
 */
@Component
class DashboardQueries {

    private final JdbcTemplate jdbc;
    private final SlaDurations sla;
    private final Clock clock;

    DashboardQueries(JdbcTemplate jdbc, SlaDurations sla, Clock clock) {
        this.jdbc = jdbc;
        this.sla = sla;
        this.clock = clock;
    }

    /** One snapshot for all figures, so that, say, the accounts by status add up to the accounts counted. */
    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DashboardView handle(FindDashboardQuery query) {
        Instant now = clock.instant();
        Map<String, Map<String, Long>> counters = new HashMap<>();
        jdbc.query("select metric, bucket, count from report_counter where count <> 0", rs -> {
            counters.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });

        Map<AccountStatus, Long> byStatus = everyConstant(AccountStatus.class, counters.get(ReportingProjection.ACCOUNTS_BY_STATUS));
        Map<ViolationCategory, Long> byCategory = everyConstant(ViolationCategory.class, counters.get(ReportingProjection.VIOLATIONS_BY_CATEGORY));
        Map<CaseTier, Long> byTier = everyConstant(CaseTier.class, counters.get(ReportingProjection.OPEN_CASES_BY_TIER));
        Map<Severity, Long> bySeverity = everyConstant(Severity.class, counters.get(ReportingProjection.OPEN_CASES_BY_SEVERITY));

        return new DashboardView(now,
                sum(byStatus), byStatus,
                sum(byCategory), byCategory,
                largestFirst(counters.get(ReportingProjection.VIOLATIONS_BY_POLICY)),
                largestFirst(counters.get(ReportingProjection.VIOLATIONS_BY_COUNTRY)),
                sum(bySeverity), byTier, bySeverity,
                slaBreaches(now),
                actionsPerDay(LocalDate.ofInstant(now, ZoneOffset.UTC), query.days()),
                timeToFirstAction());
    }

    private DashboardView.SlaBreaches slaBreaches(Instant now) {
        Map<Severity, DashboardView.SlaBreachCount> bySeverity = new EnumMap<>(Severity.class);
        Map<Severity, String> durations = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, new DashboardView.SlaBreachCount(0, 0));
            durations.put(s, sla.of(s).toString());
        }
        // a case's SLA ends at its first enforcement citing it or its resolution, whichever came first; a recorded
        // CaseSlaBreachedEvent counts as a breach whatever the durations are now, and the durations cover cases whose
        // deadline has passed but not yet fired
        jdbc.query("""
                select c.severity,
                       count(*) filter (where c.resolved_at is null and e.first_enforced_at is null
                                         and (b.case_id is not null or c.opened_at + d.allowed < ?)) as open_past_deadline,
                       count(*) filter (where least(c.resolved_at, e.first_enforced_at) is not null
                                         and (b.case_id is not null
                                              or least(c.resolved_at, e.first_enforced_at) > c.opened_at + d.allowed)) as met_late
                from report_case c
                left join report_case_enforcement e on e.case_id = c.case_id
                left join report_case_sla_breach b on b.case_id = c.case_id
                cross join lateral (select (case c.severity when 'CRITICAL' then ? when 'HIGH' then ? when 'MEDIUM' then ?
                                            else ? end) * interval '1 millisecond' as allowed) d
                group by c.severity""", rs -> {
            bySeverity.put(Severity.valueOf(rs.getString(1)),
                    new DashboardView.SlaBreachCount(rs.getLong(2), rs.getLong(3)));
        }, at(now), sla.of(Severity.CRITICAL).toMillis(), sla.of(Severity.HIGH).toMillis(),
                sla.of(Severity.MEDIUM).toMillis(), sla.of(Severity.LOW).toMillis());
        long open = bySeverity.values().stream().mapToLong(DashboardView.SlaBreachCount::openPastDeadline).sum();
        long late = bySeverity.values().stream().mapToLong(DashboardView.SlaBreachCount::metLate).sum();
        return new DashboardView.SlaBreaches(open + late, open, late, bySeverity, durations);
    }

    private List<DashboardView.DailyActions> actionsPerDay(LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Map<String, Long>> found = new HashMap<>();
        jdbc.query("select day, kind, count from report_actions_per_day where day between ? and ?", rs -> {
            found.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        }, Date.valueOf(first), Date.valueOf(today));
        List<DashboardView.DailyActions> series = new ArrayList<>(days);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Map<String, Long> kinds = found.getOrDefault(day, Map.of());
            series.add(new DashboardView.DailyActions(day.toString(),
                    kinds.getOrDefault(ActionKind.FLAG.name(), 0L), kinds.getOrDefault(ActionKind.RESTRICT.name(), 0L),
                    kinds.getOrDefault(ActionKind.SUSPEND.name(), 0L), kinds.getOrDefault(ActionKind.BAN.name(), 0L)));
        }
        return series;
    }

    private DashboardView.TimeToFirstAction timeToFirstAction() {
        return jdbc.queryForObject("""
                select count(*),
                       percentile_cont(0.5) within group (order by time_to_action_ms),
                       percentile_cont(0.9) within group (order by time_to_action_ms),
                       (select count(*) from report_account where first_violation_at is not null and first_enforced_at is null)
                from report_account where time_to_action_ms is not null""", (rs, n) -> {
            double median = rs.getDouble(2);
            Double medianSeconds = rs.wasNull() ? null : median / 1000.0;
            double p90 = rs.getDouble(3);
            Double p90Seconds = rs.wasNull() ? null : p90 / 1000.0;
            return new DashboardView.TimeToFirstAction(rs.getLong(1), rs.getLong(4), medianSeconds, p90Seconds);
        });
    }

    private static <E extends Enum<E>> Map<E, Long> everyConstant(Class<E> type, Map<String, Long> counts) {
        Map<E, Long> all = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            all.put(constant, counts == null ? 0L : counts.getOrDefault(constant.name(), 0L));
        }
        return all;
    }

    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        if (counts != null) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        }
        return ordered;
    }

    private static long sum(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
