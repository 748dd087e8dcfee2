package io.warden.query.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What the audit projection reads and writes, in the projection's own transaction. */
interface AuditLedger {

    /** Serialises every writer of the chain until the current transaction ends. */
    void lockChain();

    /** The ids among {@code eventIds} that already have an entry. */
    Set<String> recordedEventIds(Collection<String> eventIds);

    /** The stored events with these ids (those that exist), in position order. */
    List<StoredEvent> storedEventsWithIds(Collection<String> eventIds);

    /** The stored events at these positions (those that exist), in position order. */
    List<StoredEvent> storedEventsAt(Collection<Long> positions);

    /** The hash of the newest entry below {@code position}, or {@link AuditChain#GENESIS} if there is none. */
    String hashBefore(long position);

    /** Positions of the entries above {@code position}, ascending. */
    List<Long> positionsAbove(long position);

    void insert(List<AuditRecord> entries);

    /** Stores new {@code hash} and {@code previousHash} values for existing entries. */
    void relink(List<AuditRecord> entries);

    void clear();
}
