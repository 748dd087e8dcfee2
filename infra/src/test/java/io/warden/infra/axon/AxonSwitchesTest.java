package io.warden.infra.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two switches the benchmark's stock-Axon run uses: no aggregate cache, no snapshots. */
class AxonSwitchesTest {

    @Test
    void a_cache_size_of_zero_means_no_cache_and_a_positive_size_a_bounded_cache() {
        Cache none = AxonConfiguration.aggregateCache(0);
        assertThat(none).isSameAs(NoCache.INSTANCE);
        none.put("acct-1", "state");
        assertThat(none.containsKey("acct-1")).isFalse();

        Cache bounded = AxonConfiguration.aggregateCache(5);
        assertThat(bounded).isInstanceOf(BoundedAggregateCache.class);
        bounded.put("acct-1", "state");
        assertThat(bounded.containsKey("acct-1")).isTrue();
    }

    @Test
    void a_negative_cache_size_is_refused() {
        assertThatThrownBy(() -> AxonConfiguration.aggregateCache(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void snapshots_switched_off_means_no_trigger_and_on_means_an_event_count_trigger() {
        SnapshotTriggerDefinition off = AxonConfiguration.snapshotTrigger(null, new SnapshotProperties(false, 50, 20), 50);
        assertThat(off).isSameAs(NoSnapshotTriggerDefinition.INSTANCE);

        SnapshotTriggerDefinition on = AxonConfiguration.snapshotTrigger(null, new SnapshotProperties(true, 50, 20), 50);
        assertThat(on).isInstanceOf(EventCountSnapshotTriggerDefinition.class);
    }
}
