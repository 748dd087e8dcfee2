package io.warden.infra.db;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSettingsCheckTest {

    @Test
    void a_server_without_autovacuum_is_warned_about_with_what_it_costs_and_what_to_do() {
        assertThat(PostgresSettingsCheck.warnings(Map.of("autovacuum", "off", "track_counts", "on")))
                .singleElement().asString()
                .contains("autovacuum = off", "never analysed", "sequential scans", "Turn autovacuum on");
    }

    @Test
    void the_defaults_give_no_warning() {
        assertThat(PostgresSettingsCheck.warnings(Map.of("autovacuum", "on", "track_counts", "on"))).isEmpty();
    }

    @Test
    void without_statistics_collection_autovacuum_cannot_work_either() {
        assertThat(PostgresSettingsCheck.warnings(Map.of("autovacuum", "on", "track_counts", "off")))
                .singleElement().asString().contains("track_counts = off");
    }
}
