package io.warden.query.cases;

import io.warden.query.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code case_account_link}: the accounts of each case with the sequence number of the event that linked them.
 * One statement per event however many accounts it links; a link made again keeps its first sequence number.
 */
@Component
class CaseAccountLinks {

    private final JdbcTemplate jdbc;

    CaseAccountLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void link(String caseId, List<String> accountIds, long sequence, java.time.Instant at) {
        if (accountIds.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into case_account_link (case_id, account_id, linked_seq, linked_at)
                    select ?, unnest(?), ?, ?
                    on conflict (case_id, account_id) do nothing""");
            statement.setString(1, caseId);
            statement.setArray(2, Sql.textArray(connection, accountIds));
            statement.setLong(3, sequence);
            statement.setTimestamp(4, Sql.timestamp(at));
            return statement;
        });
    }

    /** One page of the accounts linked by the case's events up to {@code version}, in linking order. */
    List<String> page(String caseId, long version, int page, int size) {
        return jdbc.queryForList("""
                        select account_id from case_account_link where case_id = ? and linked_seq <= ?
                        order by linked_seq, account_id limit ? offset ?""",
                String.class, caseId, version, size, (long) page * size);
    }

    void clear() {
        jdbc.update("delete from case_account_link");
    }
}
