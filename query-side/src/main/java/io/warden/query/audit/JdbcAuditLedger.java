package io.warden.query.audit;

import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The audit ledger on PostgreSQL with plain JDBC: set-based reads ({@code = any(?)}), one {@code COPY} for the new
 * entries and batched updates, one round trip per kind of statement and batch of events. Reading
 * {@code domain_event_entry} here is deliberate: the stored events are the subject of the audit trail, and hashing the stored bytes rather than a re-serialised message is
 * what makes the chain recomputable by the verifier (style rule 10).
 */
@Component
class JdbcAuditLedger implements AuditLedger {

    /** Any fixed number: the key of the transaction-scoped advisory lock that serialises writers of the chain. */
    private static final long CHAIN_LOCK = 0x5741524445_4e41L;

    static final RowMapper<StoredEvent> STORED_EVENT = (rs, row) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10));

    static final String ENTRY_COLUMNS = "position, event_id, type, payload_type, occurred_at, actor, actor_roles, "
            + "aggregate_type, aggregate_id, sequence_number, reason, correlation_id, causation_id, payload, meta_data, "
            + "hash, previous_hash";

    static final RowMapper<AuditRecord> ENTRY = JdbcAuditLedger::entry;

    /** Characters of rows collected before they are sent as one message of the copy. */
    private static final int COPY_CHUNK = 256 * 1024;

    private final JdbcTemplate jdbc;

    JdbcAuditLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockChain() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
    }

    @Override
    public Set<String> recordedEventIds(Collection<String> eventIds) {
        return new HashSet<>(jdbc.query(con -> {
            var ps = con.prepareStatement("select event_id from audit_entry where event_id = any(?)");
            ps.setArray(1, con.createArrayOf("varchar", eventIds.toArray()));
            return ps;
        }, (rs, row) -> rs.getString(1)));
    }

    @Override
    public List<StoredEvent> storedEventsWithIds(Collection<String> eventIds) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + StoredEvent.COLUMNS
                    + " from domain_event_entry where event_identifier = any(?) order by global_index");
            ps.setArray(1, con.createArrayOf("varchar", eventIds.toArray()));
            return ps;
        }, STORED_EVENT);
    }

    @Override
    public List<StoredEvent> storedEventsAt(Collection<Long> positions) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + StoredEvent.COLUMNS
                    + " from domain_event_entry where global_index = any(?) order by global_index");
            Array array = con.createArrayOf("bigint", positions.toArray());
            ps.setArray(1, array);
            return ps;
        }, STORED_EVENT);
    }

    @Override
    public String hashBefore(long position) {
        List<String> hashes = jdbc.queryForList(
                "select hash from audit_entry where position < ? order by position desc limit 1", String.class, position);
        return hashes.isEmpty() ? AuditChain.GENESIS : hashes.get(0);
    }

    @Override
    public List<Long> positionsAbove(long position) {
        return jdbc.queryForList("select position from audit_entry where position > ? order by position", Long.class, position);
    }

    /**
     * One {@code COPY} per batch, in text format: the rows stream to the server in a few large messages and are parsed
     * once, where a batched insert binds and executes 17 parameters per row. It runs on the connection of the current
     * transaction (as every statement of this ledger does), so a batch that rolls back leaves none of its rows, and a
     * duplicate key fails the batch as an insert would.
     */
    @Override
    public void insert(List<AuditRecord> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            BaseConnection pg = connection.unwrap(BaseConnection.class);
            TimestampUtils timestamps = pg.getTimestampUtils();
            CopyIn copy = pg.getCopyAPI().copyIn("copy audit_entry (" + ENTRY_COLUMNS + ") from stdin");
            try {
                StringBuilder rows = new StringBuilder(Math.min(COPY_CHUNK, 2_048 * entries.size()));
                for (AuditRecord e : entries) {
                    rows.append(e.position()).append('\t');
                    field(rows, e.eventId());
                    field(rows, e.type());
                    field(rows, e.payloadType());
                    // the text the driver sends for the OffsetDateTime the batched insert bound
                    field(rows, timestamps.toString(OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC)));
                    field(rows, e.actor());
                    field(rows, e.actorRoles());
                    field(rows, e.aggregateType());
                    field(rows, e.aggregateId());
                    rows.append(e.sequenceNumber()).append('\t');
                    field(rows, e.reason());
                    field(rows, e.correlationId());
                    field(rows, e.causationId());
                    field(rows, e.payload());
                    field(rows, e.metaData());
                    field(rows, e.hash());
                    escaped(rows, e.previousHash());
                    rows.append('\n');
                    if (rows.length() >= COPY_CHUNK) {
                        send(copy, rows);
                    }
                }
                send(copy, rows);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    @Override
    public void relink(List<AuditRecord> entries) {
        jdbc.batchUpdate("update audit_entry set hash = ?, previous_hash = ? where position = ?", entries, 500, (ps, e) -> {
            ps.setString(1, e.hash());
            ps.setString(2, e.previousHash());
            ps.setLong(3, e.position());
        });
    }

    @Override
    public void clear() {
        // a replay rebuilds the whole trail; truncate is instant where delete would rewrite a million rows
        jdbc.execute("truncate audit_entry");
    }

    /** A value of a text-format {@code COPY} row, then the column delimiter. */
    private static void field(StringBuilder row, String value) {
        escaped(row, value);
        row.append('\t');
    }

    /**
     * NULL is {@code \N}; in text, a backslash and the characters that delimit columns and rows are escaped, and
     * nothing else is special (so an empty string stays empty, and a literal {@code \N} or {@code \.} arrives as
     * written). NUL cannot be stored in text at all: the server refuses the row, and so the batch, as the driver
     * refused the bound parameter.
     */
    private static void escaped(StringBuilder row, String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    /** Rows end at a line break, so a chunk never splits a character; encoded as the driver encodes parameters. */
    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    static AuditRecord entry(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
    }
}
