package io.warden.infra.lookup;

import io.warden.api.types.ActionKind;
import io.warden.command.lookup.CommandSideLookups;
import io.warden.command.lookup.TakedownRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CommandSideLookups} on the command side's own tables (migration V3). Runs on the connection of the current
 * transaction, which for a command is the one its events are appended in. Sets of ids travel as one array
 * parameter, so that checking or linking ten thousand accounts is one statement, not ten thousand.
 */
public class JdbcCommandSideLookups implements CommandSideLookups {

    private final JdbcTemplate jdbc;
    /** Started takedowns never change again, so every account of one reads its row once per instance, not per account. */
    private final Map<String, TakedownRecord> startedTakedowns = new ConcurrentHashMap<>();

    public JdbcCommandSideLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> unregisteredAccounts(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        Set<String> unregistered = new HashSet<>();
        jdbc.query(connection -> withIds(connection, """
                        select distinct t.id from unnest(?) as t(id)
                        where not exists (select 1 from lookup_registered_account a where a.account_id = t.id)
                        """, 1, accountIds),
                row -> {
                    unregistered.add(row.getString(1));
                });
        return unregistered;
    }

    @Override
    public boolean isLinkedToCase(String accountId, String caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from lookup_case_account where case_id = ? and account_id = ?)",
                Boolean.class, caseId, accountId));
    }

    @Override
    public Optional<String> accountOwning(String actionOrAppealId) {
        return jdbc.queryForList("select account_id from lookup_resource_owner where resource_id = ?",
                String.class, actionOrAppealId).stream().findFirst();
    }

    @Override
    public void accountRegistered(String accountId) {
        jdbc.update("insert into lookup_registered_account (account_id) values (?) on conflict do nothing", accountId);
    }

    @Override
    public void accountsLinked(String caseId, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = withIds(connection, """
                    insert into lookup_case_account (case_id, account_id)
                    select ?, t.id from unnest(?) as t(id)
                    on conflict do nothing
                    """, 2, accountIds);
            statement.setString(1, caseId);
            return statement;
        });
    }

    @Override
    public void ownedByAccount(String actionOrAppealId, String accountId) {
        jdbc.update("insert into lookup_resource_owner (resource_id, account_id) values (?, ?) on conflict do nothing",
                actionOrAppealId, accountId);
    }

    /** Keyset paging on the primary key (case_id, account_id): each chunk of a takedown is one index range scan. */
    @Override
    public List<String> accountsLinkedToCase(String caseId, String afterAccountId, int limit) {
        return jdbc.queryForList("""
                        select account_id from lookup_case_account
                        where case_id = ? and account_id > ?
                        order by account_id
                        limit ?
                        """, String.class, caseId, afterAccountId == null ? "" : afterAccountId, limit);
    }

    @Override
    public long linkedAccountCount(String caseId) {
        Long count = jdbc.queryForObject("select count(*) from lookup_case_account where case_id = ?", Long.class, caseId);
        return count == null ? 0 : count;
    }

    @Override
    public Optional<TakedownRecord> takedown(String enforcementId) {
        TakedownRecord started = startedTakedowns.get(enforcementId);
        if (started != null) {
            return Optional.of(started);
        }
        Optional<TakedownRecord> found = jdbc.query("""
                        select enforcement_id, case_id, action, requested_by, approved_by, started
                        from lookup_takedown where enforcement_id = ?
                        """,
                (row, n) -> new TakedownRecord(row.getString(1), row.getString(2), ActionKind.valueOf(row.getString(3)),
                        row.getString(4), row.getString(5), row.getBoolean(6)),
                enforcementId).stream().findFirst();
        found.filter(TakedownRecord::started).ifPresent(t -> startedTakedowns.put(enforcementId, t));
        return found;
    }

    @Override
    public void takedownRequested(String enforcementId, String caseId, ActionKind action, String requestedBy) {
        jdbc.update("""
                insert into lookup_takedown (enforcement_id, case_id, action, requested_by, started)
                values (?, ?, ?, ?, false) on conflict do nothing
                """, enforcementId, caseId, action.name(), requestedBy);
    }

    @Override
    public void takedownStarted(String enforcementId, String approvedBy) {
        jdbc.update("update lookup_takedown set started = true, approved_by = ? where enforcement_id = ?",
                approvedBy, enforcementId);
    }

    private static PreparedStatement withIds(Connection connection, String sql, int parameterIndex,
                                             Collection<String> ids) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Array array = connection.createArrayOf("varchar", ids.toArray());
        statement.setArray(parameterIndex, array);
        return statement;
    }
}
