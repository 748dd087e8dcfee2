package io.warden.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashSet;
import java.util.Set;

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

    /** Runs {@code load} once per batch under {@code key}, before the first event of the batch needs it. */
    public static void once(String key, Runnable load) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        CurrentUnitOfWork.get().root().getOrComputeResource(key, k -> {
            load.run();
            return Boolean.TRUE;
        });
    }
}
