package io.warden.api.queries;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail: one stored event with who, when, why and its link in the hash chain.
 *
 * @param position         the event's global position in the event store; the trail's order
 * @param type             the event's simple class name, e.g. {@code AccountSuspendedEvent}
 * @param actorRoles       the roles the actor had when acting
 * @param aggregateVersion the aggregate's sequence number after this event (the {@code version} commands answer)
 * @param reason           the payload's {@code reason} where the event has one, else null
 * @param payload          the event's payload exactly as stored (JSON, written through unchanged)
 * @param hash             SHA-256 of {@code previousHash} and this entry's canonical form (see the README)
 */
public record AuditEntryView(
        long position,
        String eventId,
        String type,
        Instant occurredAt,
        String actor,
        List<String> actorRoles,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String reason,
        String correlationId,
        String causationId,
        @JsonRawValue String payload,
        String hash,
        String previousHash) {
}
