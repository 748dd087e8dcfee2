package io.warden.query.cases;

import io.warden.api.queries.CasePage;
import io.warden.api.queries.CaseSummary;
import io.warden.api.queries.CaseView;
import io.warden.api.queries.FindCaseQuery;
import io.warden.api.queries.FindCasesQuery;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.query.support.Filters;
import io.warden.query.support.Sql;
import io.warden.query.support.StoredHistory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Answers case queries from {@code case_view} and {@code case_account_link}; a point-in-time query folds the case's
 * stored events through the same {@link CaseState} the projection uses and shows the links of those events only.
 */
@Component
class CaseQueries {

    private final CaseViewRepository cases;
    private final CaseAccountLinks links;
    private final StoredHistory history;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseQueries(CaseViewRepository cases, CaseAccountLinks links, StoredHistory history, JdbcTemplate jdbc,
                Clock clock) {
        this.cases = cases;
        this.links = links;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Null when the case is unknown, or was not open yet at {@code asOf}. */
    @QueryHandler
    public CaseView handle(FindCaseQuery query) {
        CaseState state;
        Instant asOf = null;
        if (query.asOf() == null) {
            state = cases.findById(query.caseId()).map(CaseViewEntry::state).orElse(null);
        } else {
            Instant now = clock.instant();
            asOf = query.asOf().isAfter(now) ? now : query.asOf();
            state = new CaseState();
            history.upTo(query.caseId(), asOf).forEach(state::apply);
        }
        if (state == null || !state.exists()) {
            return null;
        }
        return state.toView(links.page(query.caseId(), state.version(), query.linkedPage(), query.linkedSize()),
                query.linkedPage(), query.linkedSize(), asOf);
    }

    @QueryHandler
    public CasePage handle(FindCasesQuery query) {
        Filters filters = new Filters()
                .always("c.opened_at is not null")
                .when(query.status(), "c.status = ?")
                .when(query.tier(), "c.tier = ?")
                .when(query.severity(), "c.severity = ?")
                .when(query.assignee(), "c.assignee = ?");
        Long total = jdbc.queryForObject("select count(*) from case_view c" + filters.where(), Long.class,
                filters.arguments());
        var items = jdbc.query("""
                        select c.case_id, c.title, c.category, c.severity, c.status, c.tier, c.assignee, c.opened_at,
                               c.linked_count, c.version from case_view c""" + filters.where()
                        + " order by c.opened_at desc, c.case_id limit ? offset ?",
                (rs, i) -> new CaseSummary(rs.getString(1), rs.getString(2), CaseCategory.valueOf(rs.getString(3)),
                        Severity.valueOf(rs.getString(4)), CaseStatus.valueOf(rs.getString(5)),
                        CaseTier.valueOf(rs.getString(6)), rs.getString(7), Sql.instant(rs.getTimestamp(8)),
                        rs.getLong(9), rs.getLong(10)),
                filters.arguments(query.size(), (long) query.page() * query.size()));
        return new CasePage(items, query.page(), query.size(), total == null ? 0 : total);
    }
}
