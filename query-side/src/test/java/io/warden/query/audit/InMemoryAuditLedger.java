package io.warden.query.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The audit ledger over two sorted maps: the event store and the trail. */
final class InMemoryAuditLedger implements AuditLedger {

    final TreeMap<Long, StoredEvent> store = new TreeMap<>();
    final TreeMap<Long, AuditRecord> trail = new TreeMap<>();
    int inserts;

    void append(StoredEvent event) {
        store.put(event.position(), event);
    }

    List<AuditRecord> entries() {
        return new ArrayList<>(trail.values());
    }

    @Override
    public void lockChain() {
    }

    @Override
    public Set<String> recordedEventIds(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        trail.values().forEach(e -> {
            if (eventIds.contains(e.eventId())) {
                found.add(e.eventId());
            }
        });
        return found;
    }

    @Override
    public List<StoredEvent> storedEventsWithIds(Collection<String> eventIds) {
        return store.values().stream().filter(e -> eventIds.contains(e.eventId())).toList();
    }

    @Override
    public List<StoredEvent> storedEventsAt(Collection<Long> positions) {
        return store.values().stream().filter(e -> positions.contains(e.position())).toList();
    }

    @Override
    public String hashBefore(long position) {
        Map.Entry<Long, AuditRecord> before = trail.lowerEntry(position);
        return before == null ? AuditChain.GENESIS : before.getValue().hash();
    }

    @Override
    public List<Long> positionsAbove(long position) {
        return new ArrayList<>(trail.tailMap(position, false).keySet());
    }

    @Override
    public void insert(List<AuditRecord> entries) {
        for (AuditRecord e : entries) {
            if (trail.putIfAbsent(e.position(), e) != null) {
                throw new IllegalStateException("duplicate key " + e.position());
            }
            inserts++;
        }
    }

    @Override
    public void relink(List<AuditRecord> entries) {
        entries.forEach(e -> trail.put(e.position(), e));
    }

    @Override
    public void clear() {
        trail.clear();
    }
}
