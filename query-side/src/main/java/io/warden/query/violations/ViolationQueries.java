package io.warden.query.violations;

import io.warden.api.queries.ActionState;
import io.warden.api.queries.CitingAction;
import io.warden.api.queries.FindViolationQuery;
import io.warden.api.queries.FindViolationsQuery;
import io.warden.api.queries.ViolationPage;
import io.warden.api.queries.ViolationSummary;
import io.warden.api.queries.ViolationView;
import io.warden.api.types.ActionKind;
import io.warden.api.types.Evidence;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import io.warden.query.support.Filters;
import io.warden.query.support.Sql;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers violation queries from the violation read model's own tables only. */
@Component
class ViolationQueries {

    private final JdbcTemplate jdbc;

    ViolationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the violation is unknown. */
    @QueryHandler
    public ViolationView handle(FindViolationQuery query) {
        List<ViolationView> found = jdbc.query("""
                        select v.violation_id, v.account_id, v.category, v.policy, v.severity, v.detected_at,
                               v.recorded_at, v.detector, v.evidence_summary, v.confidence, v.interaction_count,
                               v.source_country, v.first_actioned_at, coalesce(p.version, -1)
                        from violation_view v left join violation_account_version p on p.account_id = v.account_id
                        where v.violation_id = ?""",
                (rs, i) -> new ViolationView(rs.getString(1), rs.getString(2),
                        ViolationCategory.valueOf(rs.getString(3)), rs.getString(4), Severity.valueOf(rs.getString(5)),
                        Sql.instant(rs.getTimestamp(6)), Sql.instant(rs.getTimestamp(7)),
                        new Evidence(rs.getString(8), rs.getString(9), (Double) rs.getObject(10),
                                rs.getObject(11) == null ? null : rs.getLong(11), rs.getString(12)),
                        rs.getLong(14), rs.getTimestamp(13) != null, Sql.instant(rs.getTimestamp(13)), List.of()),
                query.violationId());
        if (found.isEmpty()) {
            return null;
        }
        ViolationView v = found.get(0);
        List<CitingAction> actions = jdbc.query("""
                        select action_id, kind, restriction_kind, reason, imposed_by, approved_by, imposed_at, state,
                               ended_at
                        from violation_citation where violation_id = ? order by imposed_seq, action_id""",
                (rs, i) -> new CitingAction(rs.getString(1), ActionKind.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : RestrictionKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), Sql.instant(rs.getTimestamp(7)),
                        ActionState.valueOf(rs.getString(8)), Sql.instant(rs.getTimestamp(9))),
                query.violationId());
        return new ViolationView(v.violationId(), v.accountId(), v.category(), v.policy(), v.severity(),
                v.detectedAt(), v.recordedAt(), v.evidence(), v.version(), v.actioned(), v.firstActionedAt(),
                actions);
    }

    @QueryHandler
    public ViolationPage handle(FindViolationsQuery query) {
        Filters filters = new Filters()
                .when(query.category(), "v.category = ?")
                .when(query.policy(), "v.policy = ?")
                .when(query.accountId(), "v.account_id = ?");
        if (Boolean.TRUE.equals(query.unactioned())) {
            filters.always("v.first_actioned_at is null");
        } else if (Boolean.FALSE.equals(query.unactioned())) {
            filters.always("v.first_actioned_at is not null");
        }
        Long total = jdbc.queryForObject("select count(*) from violation_view v" + filters.where(), Long.class,
                filters.arguments());
        var items = jdbc.query("""
                        select v.violation_id, v.account_id, v.category, v.policy, v.severity, v.detected_at,
                               v.recorded_at, v.evidence_summary, v.first_actioned_at
                        from violation_view v""" + filters.where()
                        + " order by v.detected_at, v.violation_id limit ? offset ?",
                (rs, i) -> new ViolationSummary(rs.getString(1), rs.getString(2),
                        ViolationCategory.valueOf(rs.getString(3)), rs.getString(4), Severity.valueOf(rs.getString(5)),
                        Sql.instant(rs.getTimestamp(6)), Sql.instant(rs.getTimestamp(7)), rs.getString(8),
                        rs.getTimestamp(9) != null),
                filters.arguments(query.size(), (long) query.page() * query.size()));
        return new ViolationPage(items, query.page(), query.size(), total == null ? 0 : total);
    }
}
