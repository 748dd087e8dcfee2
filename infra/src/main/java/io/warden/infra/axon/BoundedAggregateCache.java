package io.warden.infra.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A size-bounded, least-recently-used cache of aggregates whose entries the garbage collector may take back when the
 * heap runs short. Axon's {@code WeakReferenceCache} loses an aggregate at the next garbage collection once no
 * command holds it, which for Warden's traffic (a case linked to 24,000 accounts, touched every few seconds; 74,000
 * accounts taking reports in bursts) means reloading it from snapshot and events almost every time. Entries here stay
 * until {@code maxEntries} newer ones push them out, or until the collector needs their memory: values are held by
 * {@link SoftReference}s, which the JVM clears least recently used first and always before it would throw an
 * {@code OutOfMemoryError}. So the bound can be sized for every account of an incident (an account's state grows
 * with its violations, an entry count says nothing about bytes) without that bound becoming a way to run out of
 * heap; an entry the collector took is a cache miss, the aggregate is loaded from the store again.
 * <p>
 * Axon evicts an entry itself when a unit of work that touched it rolls back.
 */
public final class BoundedAggregateCache implements Cache {

    private final int maxEntries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Entry> entries;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** A value held softly, with its key, so that a collected value's entry can be found and dropped. */
    private static final class Entry extends SoftReference<Object> {
        final Object key;

        Entry(Object key, Object value, ReferenceQueue<Object> queue) {
            super(value, queue);
            this.key = key;
        }
    }

    public BoundedAggregateCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                if (size() > BoundedAggregateCache.this.maxEntries) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        V value = (V) live(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        dropCollected();
        Entry previous = entries.put(key, new Entry(key, value, collected));
        boolean existed = previous != null && previous.get() != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (live(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void removeAll() {
        List<Object> keys = List.copyOf(entries.keySet());
        entries.clear();
        keys.forEach(k -> listeners.forEach(l -> l.onEntryRemoved(k)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return live(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V current = (V) live(key);
        if (current == null) {
            return;
        }
        V updated = update.apply(current);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Entries held, counting those whose value the collector took and which have not been noticed yet. */
    public synchronized int size() {
        dropCollected();
        return entries.size();
    }

    /** The reference holding {@code key}'s value, or null: lets a test clear it as the collector would. */
    synchronized Reference<Object> referenceTo(Object key) {
        return entries.get(key);
    }

    /** The value of {@code key}'s entry, or null; an entry whose value was collected is dropped as expired. */
    private Object live(Object key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        Object value = entry.get();
        if (value == null) {
            expire(entry);
        }
        return value;
    }

    private void dropCollected() {
        for (Reference<?> ref = collected.poll(); ref != null; ref = collected.poll()) {
            expire((Entry) ref);
        }
    }

    private void expire(Entry entry) {
        // only if the key still maps to this entry: a newer put may have replaced it since
        if (entries.remove(entry.key, entry)) {
            listeners.forEach(l -> l.onEntryExpired(entry.key));
        }
    }
}
