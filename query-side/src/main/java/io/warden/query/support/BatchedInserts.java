package io.warden.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * One insert statement whose rows are gathered per processor batch (the root unit of work) and sent as one JDBC
 * batch (which the driver rewrites into multi-row inserts) instead of one round trip per event. The rows are written
 * before the batch commits, and earlier whenever the projection is about to run a statement that may read them
 * ({@link #write()}). Outside a unit of work (a handler called directly) a row is written at once.
 * <p>
 * Meant for idempotent inserts ({@code on conflict do nothing}), so a batch that is redone writes the same rows.
 */
public final class BatchedInserts {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final String key;

    public BatchedInserts(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.key = BatchedInserts.class.getName() + "@" + System.identityHashCode(this);
    }

    public void add(Object... row) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, row);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Object[]> rows = batch.getOrComputeResource(key, k -> {
            List<Object[]> fresh = new ArrayList<>();
            batch.onPrepareCommit(u -> write(fresh));
            return fresh;
        });
        rows.add(row);
    }

    /** Writes the rows gathered so far in the current batch. */
    public void write() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Object[]> rows = CurrentUnitOfWork.get().root().getResource(key);
            if (rows != null) {
                write(rows);
            }
        }
    }

    private void write(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
