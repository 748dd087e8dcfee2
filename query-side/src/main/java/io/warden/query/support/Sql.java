package io.warden.query.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/** Small helpers for the set-based writes and reads of the projections. */
public final class Sql {

    private Sql() {
    }

    public static java.sql.Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray(String[]::new));
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
