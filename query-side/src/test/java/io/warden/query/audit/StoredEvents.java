package io.warden.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Stored events as the JPA event store writes them, for tests. */
final class StoredEvents {

    static final Instant T0 = Instant.parse("2026-02-23T09:15:00Z");

    private StoredEvents() {
    }

    static StoredEvent event(long position, String aggregateId, long sequence, String type, String payload, String actor) {
        String metaData = "{\"actor\":\"" + actor + "\",\"actorRoles\":\"ENFORCER\",\"correlationId\":\"corr-" + position
                + "\",\"causationId\":\"cmd-" + position + "\"}";
        return new StoredEvent(position, "evt-" + position, "Account", aggregateId, sequence,
                T0.plusSeconds(position).toString(), "io.warden.api.events." + type, "1",
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }

    static StoredEvent suspension(long position, String accountId, long sequence) {
        return event(position, accountId, sequence, "AccountSuspendedEvent",
                "{\"accountId\":\"" + accountId + "\",\"actionId\":\"a-" + position + "\",\"reason\":\"distillation\"}", "alice");
    }

    static StoredEvent withPayload(StoredEvent e, String payload) {
        return new StoredEvent(e.position(), e.eventId(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), payload.getBytes(StandardCharsets.UTF_8), e.metaData());
    }

    static StoredEvent withTimestamp(StoredEvent e, Instant at) {
        return withTimestampText(e, at.toString());
    }

    static StoredEvent withTimestampText(StoredEvent e, String timestamp) {
        return new StoredEvent(e.position(), e.eventId(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(),
                timestamp, e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
    }
}
