package io.warden.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The aggregates whose events the current processor batch holds, so that a projection can read their rows with one
 * query per batch instead of one per aggregate as the events come.
 */
public final class BatchAggregates {

    private BatchAggregates() {
    }

    /** Aggregate ids of the current batch's events, in batch order; empty outside a batch. */
    public static Set<String> ofCurrentBatch() {
        Set<String> ids = new LinkedHashSet<>();
        if (!CurrentUnitOfWork.isStarted()) {
            return ids;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                    ids.add(event.getAggregateIdentifier());
                }
            }
        }
        return ids;
    }

    /** Identifiers of the current batch's events, in batch order; empty outside a batch. */
    public static List<String> eventIdsOfCurrentBatch() {
        List<String> ids = new ArrayList<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            batch.getMessages().forEach(message -> ids.add(message.getIdentifier()));
        }
        return ids;
    }

    /**
     * What {@code load} answers, computed once per batch under {@code key} when the batch's first event needs it;
     * null outside a batch.
     */
    public static <T> T perBatch(String key, Supplier<T> load) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(key, k -> load.get());
    }
}
