package io.warden.infra.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warns at start-up about server settings under which Warden runs correctly but badly. Without autovacuum no table is
 * ever analysed: the statements the pool prepared while the tables were empty keep their plans (sequential scans), so
 * that, measured, the audit projection read the whole event table once per batch and fell to 50 events/s at half a
 * million events; and the rows the read models update are never reclaimed. Warden does not refuse to start (a
 * throwaway test database may do without), it says so where operators look.
 */
@Component
class PostgresSettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(PostgresSettingsCheck.class);

    private final JdbcTemplate jdbc;

    PostgresSettingsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Map<String, String> settings = new TreeMap<>();
        jdbc.query("select name, setting from pg_settings where name in ('autovacuum', 'track_counts')",
                rs -> {
                    settings.put(rs.getString(1), rs.getString(2));
                });
        warnings(settings).forEach(log::warn);
    }

    /** What is wrong with {@code settings} (name to value, as {@code pg_settings} gives them), one sentence each. */
    static List<String> warnings(Map<String, String> settings) {
        List<String> warnings = new ArrayList<>();
        for (String name : List.of("autovacuum", "track_counts")) {
            if ("off".equals(settings.get(name))) {
                warnings.add("PostgreSQL runs with " + name + " = off: Warden's tables are never analysed or vacuumed, "
                        + "so its statements keep the plans made while the tables were empty (sequential scans of the "
                        + "event table) and updated read-model rows are never reclaimed. Turn " + name
                        + " on (PostgreSQL's default) for anything but a throwaway database.");
            }
        }
        return warnings;
    }
}
