package io.warden.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps {@code audit_entry}: one entry per stored event, of every aggregate and every event type (including types
 * added after this class was written), hash-chained in {@code global_index} order (see {@link AuditChain}).
 * <p>
 * The processor of this group must run as <b>one segment</b> ({@link AuditProcessing#SEGMENTS}): the chain has a
 * single global order, and one segment keeps its writes in one stream. Should it ever run with more, the chain stays correct, only
 * slower: every batch takes a transaction-scoped lock on the chain, and an event that arrives below entries already
 * written (another segment's, or a transaction that committed late) is inserted in its place and the entries above it
 * are linked anew.
 * <p>
 * Events are collected per unit of work (a processor batch) and written when it prepares to commit: one read of their
 * stored rows, one read of the chain head from the table (never a head remembered from an earlier transaction, which
 * may have rolled back), one batch insert. A redelivered event already has its entry and changes nothing.
 */
@Component
@ProcessingGroup(AuditProcessing.PROCESSING_GROUP)
class AuditProjection {

    private static final Logger log = LoggerFactory.getLogger(AuditProjection.class);
    private static final String BATCH = AuditProjection.class.getName() + ".batch";

    private final AuditLedger ledger;

    AuditProjection(AuditLedger ledger) {
        this.ledger = ledger;
    }

    /** Every event: the handler needs only its identifier, the entry is made from the stored row. */
    @EventHandler
    void on(EventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            record(List.of(event.getIdentifier()));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Set<String> eventIds = batch.getOrComputeResource(BATCH, key -> {
            Set<String> ids = new LinkedHashSet<>();
            batch.onPrepareCommit(uow -> record(ids));
            return ids;
        });
        eventIds.add(event.getIdentifier());
    }

    @ResetHandler
    void reset() {
        ledger.clear();
    }

    void record(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        ledger.lockChain();
        Set<String> recorded = ledger.recordedEventIds(eventIds);
        List<String> fresh = eventIds.stream().filter(id -> !recorded.contains(id)).distinct().toList();
        if (fresh.isEmpty()) {
            return;
        }
        List<StoredEvent> stored = ledger.storedEventsWithIds(fresh);
        if (stored.size() < fresh.size()) {
            // not an event of this store (nothing the trail could prove anything about); the rest still counts
            log.warn("{} of {} events delivered to the audit trail are not in domain_event_entry; they have no entry",
                    fresh.size() - stored.size(), fresh.size());
        }
        if (stored.isEmpty()) {
            return;
        }
        long lowest = stored.get(0).position();
        Map<Long, StoredEvent> chain = new TreeMap<>();
        stored.forEach(e -> chain.put(e.position(), e));
        Set<Long> existing = new LinkedHashSet<>(ledger.positionsAbove(lowest));
        if (!existing.isEmpty()) {
            ledger.storedEventsAt(existing).forEach(e -> chain.put(e.position(), e));
        }

        String previous = ledger.hashBefore(lowest);
        List<AuditRecord> inserts = new ArrayList<>(stored.size());
        List<AuditRecord> relinks = new ArrayList<>(existing.size());
        for (StoredEvent event : chain.values()) {
            AuditRecord entry = AuditRecord.derive(event, previous);
            (existing.contains(event.position()) ? relinks : inserts).add(entry);
            previous = entry.hash();
        }
        ledger.insert(inserts);
        if (!relinks.isEmpty()) {
            log.debug("Audit chain: {} entries linked anew after an event committed below them", relinks.size());
            ledger.relink(relinks);
        }
    }
}
