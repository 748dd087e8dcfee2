package io.warden.query.support;

import io.warden.api.types.WardenMetaData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * The stored events of one aggregate, for point-in-time reconstruction (the one place besides audit verification
 * where the query side reads the event store: there the stored events are the subject). Reads from sequence 0, never
 * from a snapshot: a snapshot is the write side's state, not the view's.
 */
@Component
public class StoredHistory {

    /** One event as the views' reducers take it. */
    public record Step(Object payload, long sequence, Instant at, String actor) {
    }

    private final EventStore eventStore;

    public StoredHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The aggregate's events up to and including {@code asOf}, in sequence order. The history stops at the first
     * event after the instant, so the answer is always a state the aggregate really passed through.
     */
    public Stream<Step> upTo(String aggregateId, Instant asOf) {
        return eventStore.readEvents(aggregateId, 0L).asStream()
                .takeWhile(m -> !m.getTimestamp().isAfter(asOf))
                .map(StoredHistory::step);
    }

    public static Step step(DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get(WardenMetaData.ACTOR);
        return new Step(message.getPayload(), message.getSequenceNumber(), message.getTimestamp(),
                actor == null ? null : actor.toString());
    }
}
