package io.warden.query.audit;

import io.warden.api.queries.AuditVerification;
import io.warden.api.queries.VerifyAuditTrailQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Answers {@link VerifyAuditTrailQuery} by streaming {@code domain_event_entry} and {@code audit_entry} side by side
 * (style rule 10: the stored events are the subject here). Both cursors run in one read-only REPEATABLE READ
 * transaction on a connection of its own, so they see the same snapshot and a commit during the walk cannot look
 * like a discrepancy; rows arrive {@value #FETCH_SIZE} at a time, so memory stays constant however long the store.
 */
@Component
class AuditVerifier {

    static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration settleTime;

    AuditVerifier(DataSource dataSource, Clock clock, @Value("${warden.audit.settle-time:60s}") Duration settleTime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settleTime = settleTime;
    }

    @QueryHandler
    public AuditVerification handle(VerifyAuditTrailQuery query) throws SQLException {
        AuditChainCheck check = new AuditChainCheck(clock.instant(), settleTime, query.expectedHash(), query.atPosition());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (PreparedStatement events = cursor(connection, "select " + StoredEvent.COLUMNS
                         + " from domain_event_entry order by global_index");
                 PreparedStatement entries = cursor(connection, "select " + JdbcAuditLedger.ENTRY_COLUMNS
                         + " from audit_entry order by position");
                 ResultSet eventRows = events.executeQuery();
                 ResultSet entryRows = entries.executeQuery()) {
                return check.run(new Rows<>(eventRows, JdbcAuditLedger.STORED_EVENT), new Rows<>(entryRows, JdbcAuditLedger.ENTRY));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    /** A result set as an iterator; SQL errors surface as unchecked ones, which the query gateway reports. */
    private static final class Rows<T> implements Iterator<T> {
        private final ResultSet rows;
        private final RowMapper<T> mapper;
        private Boolean ahead;
        private int row;

        Rows(ResultSet rows, RowMapper<T> mapper) {
            this.rows = rows;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the stored events or the audit trail failed", e);
                }
            }
            return ahead;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return mapper.mapRow(rows, row++);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the stored events or the audit trail failed", e);
            }
        }
    }
}
