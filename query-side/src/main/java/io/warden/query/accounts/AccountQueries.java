package io.warden.query.accounts;

import io.warden.api.queries.AccountPage;
import io.warden.api.queries.AccountSummary;
import io.warden.api.queries.AccountView;
import io.warden.api.queries.FindAccountQuery;
import io.warden.api.queries.FindAccountsQuery;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;
import io.warden.query.support.Filters;
import io.warden.query.support.Sql;
import io.warden.query.support.StoredHistory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Answers account queries from {@code account_view}, {@code account_violation} and {@code account_case_link}; a
 * point-in-time query folds the account's stored events through the same {@link AccountState} the projection uses.
 */
@Component
class AccountQueries {

    private final AccountViewRepository accounts;
    private final AccountViolations violations;
    private final AccountCaseLinks links;
    private final StoredHistory history;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountQueries(AccountViewRepository accounts, AccountViolations violations, AccountCaseLinks links,
                   StoredHistory history, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.violations = violations;
        this.links = links;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Null when the account is unknown, or did not exist yet at {@code asOf}. */
    @QueryHandler
    public AccountView handle(FindAccountQuery query) {
        Instant now = clock.instant();
        if (query.asOf() == null) {
            return accounts.findById(query.accountId())
                    .map(AccountViewEntry::state)
                    .filter(AccountState::exists)
                    .map(state -> state.toView(violations.of(query.accountId()), links.casesOf(query.accountId(), null),
                            now, null))
                    .orElse(null);
        }
        // an instant in the future is read as now: nothing can have happened after now yet
        Instant asOf = query.asOf().isAfter(now) ? now : query.asOf();
        AccountState state = new AccountState();
        history.upTo(query.accountId(), asOf).forEach(state::apply);
        return state.exists()
                ? state.toView(state.foldedViolations(), links.casesOf(query.accountId(), asOf), asOf, asOf)
                : null;
    }

    @QueryHandler
    public AccountPage handle(FindAccountsQuery query) {
        String from = query.caseId() == null
                ? " from account_view a"
                : " from account_view a join account_case_link l on l.account_id = a.account_id and l.case_id = ?";
        Filters filters = new Filters()
                .always("a.registered_at is not null")
                .when(query.status(), "a.status = ?")
                .when(query.country(), "a.country = ?")
                .when(query.tier(), "a.tier = ?");
        Object[] filterArguments = query.caseId() == null
                ? filters.arguments()
                : prepend(query.caseId(), filters.arguments());
        Long total = jdbc.queryForObject("select count(*)" + from + filters.where(), Long.class, filterArguments);
        Object[] pageArguments = query.caseId() == null
                ? filters.arguments(query.size(), (long) query.page() * query.size())
                : prepend(query.caseId(), filters.arguments(query.size(), (long) query.page() * query.size()));
        var items = jdbc.query("""
                        select a.account_id, a.organization, a.organization_id, a.country, a.tier, a.status, a.version,
                               a.violation_count, a.active_actions, a.registered_at""" + from + filters.where()
                        + " order by a.account_id limit ? offset ?",
                (rs, i) -> new AccountSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : Tier.valueOf(rs.getString(5)),
                        AccountStatus.valueOf(rs.getString(6)), rs.getLong(7), rs.getInt(8), rs.getInt(9),
                        Sql.instant(rs.getTimestamp(10))),
                pageArguments);
        return new AccountPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
