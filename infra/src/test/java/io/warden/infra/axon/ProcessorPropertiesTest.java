package io.warden.infra.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorPropertiesTest {

    private final ProcessorProperties properties = new ProcessorProperties(500, 4, 2, Duration.ofSeconds(2), true,
            Map.of("audit", new ProcessorProperties.Override(null, 1, 1, false)));

    @Test
    void a_group_nobody_configured_gets_the_defaults() {
        assertThat(properties.settingsFor("case-views")).isEqualTo(new ProcessorProperties.Settings(500, 4, 2, true));
    }

    @Test
    void an_override_changes_only_what_it_sets() {
        assertThat(properties.settingsFor("audit")).isEqualTo(new ProcessorProperties.Settings(500, 1, 1, false));
    }

    @Test
    void zero_segments_are_refused_at_start_up() {
        assertThatThrownBy(() -> new ProcessorProperties(500, 0, 2, Duration.ofSeconds(2), true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
