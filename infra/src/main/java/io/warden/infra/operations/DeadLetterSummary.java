package io.warden.infra.operations;

import java.time.Instant;

/**
 * One parked event: its processor, the sequence (aggregate id) it blocks, its place in that sequence, the event, and
 * why its handling failed.
 */
public record DeadLetterSummary(String processor, String sequenceId, long sequenceIndex, String eventType,
                                String eventId, String aggregateType, String aggregateId, Long aggregateSequence,
                                String causeType, String cause, Instant enqueuedAt, Instant lastTouched) {
}
