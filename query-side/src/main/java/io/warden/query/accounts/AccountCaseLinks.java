package io.warden.query.accounts;

import io.warden.api.queries.AccountCaseLink;
import io.warden.query.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * {@code account_case_link}: which cases each account is linked to, and since when. Written set-based (a campaign
 * links 10,000 accounts in one event: one statement, not 10,000 entity saves); a link made again keeps its first
 * time, so redelivery changes nothing.
 */
@Component
class AccountCaseLinks {

    private final JdbcTemplate jdbc;

    AccountCaseLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void link(String caseId, List<String> accountIds, Instant at) {
        if (accountIds.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into account_case_link (account_id, case_id, linked_at)
                    select unnest(?), ?, ?
                    on conflict (case_id, account_id) do nothing""");
            statement.setArray(1, Sql.textArray(connection, accountIds));
            statement.setString(2, caseId);
            statement.setTimestamp(3, Sql.timestamp(at));
            return statement;
        });
    }

    /** The account's cases, oldest link first; with {@code upTo}, only links made at or before it. */
    List<AccountCaseLink> casesOf(String accountId, Instant upTo) {
        if (upTo == null) {
            return jdbc.query("select case_id, linked_at from account_case_link where account_id = ? order by linked_at, case_id",
                    (rs, i) -> new AccountCaseLink(rs.getString(1), Sql.instant(rs.getTimestamp(2))), accountId);
        }
        return jdbc.query("""
                        select case_id, linked_at from account_case_link
                        where account_id = ? and linked_at <= ? order by linked_at, case_id""",
                (rs, i) -> new AccountCaseLink(rs.getString(1), Sql.instant(rs.getTimestamp(2))),
                accountId, Sql.timestamp(upTo));
    }

    void clear() {
        jdbc.update("delete from account_case_link");
    }
}
