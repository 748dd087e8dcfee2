package io.warden.infra.axon;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAggregateCacheTest {

    @Test
    void the_least_recently_used_entry_is_evicted_when_the_bound_is_reached() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("a", "A");
        cache.put("b", "B");
        cache.get("a");

        cache.put("c", "C");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void entries_stay_without_anything_else_referencing_them() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("a", new Object());

        System.gc();

        assertThat((Object) cache.get("a")).isNotNull();
    }

    @Test
    void listeners_hear_about_creation_update_removal_and_eviction() {
        BoundedAggregateCache cache = new BoundedAggregateCache(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 3);
        cache.remove("b");

        assertThat(heard).containsExactly("created a", "updated a", "expired a", "created b", "removed b");
    }

    @Test
    void an_entry_the_collector_took_is_a_miss_and_expires() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        cache.put("a", new Object());
        cache.put("b", new Object());

        cache.referenceTo("a").clear(); // what the collector does when the heap runs short

        assertThat((Object) cache.get("a")).isNull();
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.putIfAbsent("a", "again")).as("a collected entry is absent").isTrue();
        assertThat((Object) cache.get("a")).isEqualTo("again");
        assertThat((Object) cache.get("b")).isNotNull();
        assertThat(heard).containsExactly("expired a");
    }

    @Test
    void entries_whose_values_were_collected_are_dropped_without_being_read() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("a", new Object());
        cache.put("b", new Object());

        cache.referenceTo("a").clear();
        cache.referenceTo("a").enqueue(); // the collector also queues the cleared reference

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.referenceTo("a")).isNull();
    }

    @Test
    void put_if_absent_and_compute_if_present_respect_existing_entries() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        cache.<Integer>computeIfPresent("a", v -> v + 10);
        cache.<Integer>computeIfPresent("missing", v -> v + 10);

        assertThat((Integer) cache.get("a")).isEqualTo(11);
        assertThat(cache.containsKey("missing")).isFalse();
    }

    @Test
    void a_bound_below_one_is_refused() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
