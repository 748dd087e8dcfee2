package io.warden.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the same PostgreSQL does without Warden: batched inserts and single-row transactions into a table shaped
 * like {@code domain_event_entry} (same columns, types, keys and indexes; payloads copied from Warden's own
 * violation events), and a streamed sequential read of Warden's event table.
 */
final class Baselines {

    /** domain_event_entry as V1__axon_tables.sql creates it, under another name. */
    static final String DDL = """
            create sequence raw_event_seq start with 1 increment by 1;
            create table raw_event (
                global_index         bigint       not null,
                aggregate_identifier varchar(255) not null,
                sequence_number      bigint       not null,
                type                 varchar(255),
                event_identifier     varchar(255) not null,
                time_stamp           varchar(255) not null,
                payload_type         varchar(255) not null,
                payload_revision     varchar(255),
                payload              bytea        not null,
                meta_data            bytea,
                constraint raw_event_pkey primary key (global_index),
                constraint raw_event_aggregate_sequence_key unique (aggregate_identifier, sequence_number),
                constraint raw_event_event_identifier_key unique (event_identifier)
            )""";
    private static final String INSERT = "insert into raw_event (global_index, aggregate_identifier, sequence_number, type,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data) values (?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_SEQ = "insert into raw_event (global_index, aggregate_identifier, sequence_number, type,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " values (nextval('raw_event_seq'),?,?,?,?,?,?,?,?,?)";

    record Sample(String type, String payloadType, String revision, byte[] payload, byte[] metaData) {
    }

    private final Database db;
    private final String rawDb;
    private final List<Sample> samples;

    Baselines(Database db, String rawDb, List<Sample> samples) throws SQLException {
        this.db = db;
        this.rawDb = rawDb;
        this.samples = samples;
        try (Connection c = db.connect(rawDb); Statement s = c.createStatement()) {
            for (String stmt : DDL.split(";")) {
                s.execute(stmt);
            }
        }
    }

    /** Violation events of Warden's store, to copy their size and shape. */
    static List<Sample> samples(Database db, String wardenDb) throws SQLException {
        List<Sample> out = new ArrayList<>();
        try (Connection c = db.connect(wardenDb); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select type, payload_type, payload_revision, payload, meta_data from domain_event_entry"
                     + " where payload_type like '%ViolationRecordedEvent' order by global_index limit 500")) {
            while (rs.next()) {
                out.add(new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no violation events in " + wardenDb + " to shape the baseline rows");
        }
        return out;
    }

    double meanPayloadBytes() {
        long t = 0;
        for (Sample s : samples) {
            t += s.payload().length + (s.metaData() == null ? 0 : s.metaData().length);
        }
        return (double) t / samples.size();
    }

    private Connection rawConnection(boolean batched) throws SQLException {
        return Database.connect(db.url(rawDb) + (batched ? "?reWriteBatchedInserts=true" : ""), db.user(), db.password());
    }

    private void bind(PreparedStatement ps, int from, String prefix, long i) throws SQLException {
        Sample s = samples.get((int) (i % samples.size()));
        ps.setString(from, prefix + i);
        ps.setLong(from + 1, 0);
        ps.setString(from + 2, s.type());
        ps.setString(from + 3, UUID.nameUUIDFromBytes((prefix + i).getBytes()).toString());
        ps.setString(from + 4, java.time.Instant.now().toString());
        ps.setString(from + 5, s.payloadType());
        ps.setString(from + 6, s.revision());
        ps.setBytes(from + 7, s.payload());
        ps.setBytes(from + 8, s.metaData());
    }

    /** (a) {@code rows} rows in batches of 1,000 from 4 connections, one transaction per batch. */
    Map<String, Object> batchedInsert(long rows) throws Exception {
        int connections = 4, batch = 1_000;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            fs.add(pool.submit(() -> {
                try (Connection con = rawConnection(true); PreparedStatement ps = con.prepareStatement(INSERT)) {
                    con.setAutoCommit(false);
                    for (long start = next.getAndAdd(batch); start < rows; start = next.getAndAdd(batch)) {
                        for (long i = start; i < Math.min(rows, start + batch); i++) {
                            ps.setLong(1, i + 1);
                            bind(ps, 2, "raw-batch-", i);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        con.commit();
                    }
                }
                return null;
            }));
        }
        Workers.awaitAll(pool, fs);
        double s = (System.nanoTime() - t0) / 1e9;
        try (Connection c = rawConnection(false); Statement st = c.createStatement()) {
            st.execute("select setval('raw_event_seq', " + Math.max(1, rows) + ")"); // single-row inserts continue after them
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("connections", connections);
        m.put("batchSize", batch);
        m.put("meanPayloadBytes", Stats.round(meanPayloadBytes()));
        m.put("seconds", Stats.round(s));
        m.put("rowsPerSecond", Stats.round(rows / s));
        System.out.printf("[bench] baseline batched insert: %d rows in %.1f s = %.0f rows/s%n", rows, s, rows / s);
        return m;
    }

    /** (b) one row per autocommitted transaction from {@code clients} connections for {@code seconds}. */
    Map<String, Object> singleRow(int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        List<Future<long[]>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            fs.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (Connection con = rawConnection(false); PreparedStatement ps = con.prepareStatement(INSERT_SEQ)) {
                    con.setAutoCommit(true);
                    for (long i = 0; System.nanoTime() < end; i++) {
                        long s = System.nanoTime();
                        bind(ps, 1, "raw-single-" + clients + "-" + client + "-", i);
                        ps.executeUpdate();
                        if (n == lat.length) {
                            lat = java.util.Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = System.nanoTime() - s;
                    }
                }
                return java.util.Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        try {
            for (Future<long[]> f : fs) {
                parts.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        int total = parts.stream().mapToInt(p -> p.length).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, k, p.length);
            k += p.length;
        }
        Map<String, Object> m = new LinkedHashMap<>(Stats.latency(all));
        m.put("clients", clients);
        m.put("transactions", total);
        m.put("seconds", Stats.round(s));
        m.put("perSecond", Stats.round(total / s));
        System.out.printf("[bench] baseline single-row inserts at %d clients: %.0f/s%n", clients, total / s);
        return m;
    }

    /** (c) Warden's whole event table, streamed in index order. */
    static Map<String, Object> sequentialRead(Database db, String wardenDb) throws SQLException {
        long t0 = System.nanoTime();
        long rows = 0, bytes = 0;
        try (Connection c = db.connect(wardenDb)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1_000);
                try (ResultSet rs = s.executeQuery("select global_index, aggregate_identifier, sequence_number, type, event_identifier,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry order by global_index")) {
                    while (rs.next()) {
                        rows++;
                        byte[] p = rs.getBytes(9);
                        byte[] md = rs.getBytes(10);
                        bytes += p.length + (md == null ? 0 : md.length);
                    }
                }
            }
            c.commit();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("bytes", bytes);
        m.put("seconds", Stats.round(s));
        m.put("rowsPerSecond", Stats.round(rows / s));
        System.out.printf("[bench] baseline sequential read: %d rows in %.1f s = %.0f rows/s%n", rows, s, rows / s);
        return m;
    }
}
