package io.warden.query.audit;

import io.warden.api.queries.AuditEntryView;
import io.warden.api.types.WardenMetaData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code audit_entry}. Every column but the two hashes is a function of one stored event
 * ({@link #derive}), and the projection and the verifier use that same function, so the verifier can tell an edited
 * audit row from an edited event.
 *
 * @param type       the payload's simple class name, suffix included ({@code AccountSuspendedEvent}): the name the
 *                   code and the event store use, so a filter never needs a translation table
 * @param reason     the payload's top-level {@code reason} text where the event has one; statements, comments,
 *                   summaries and note texts are not reasons and stay in the payload
 * @param payload    the stored payload bytes as UTF-8 text, unchanged
 * @param metaData   the stored metadata bytes as UTF-8 text, unchanged (null if none)
 */
record AuditRecord(long position, String eventId, String type, String payloadType, Instant occurredAt, String actor,
                   String actorRoles, String aggregateType, String aggregateId, long sequenceNumber, String reason,
                   String correlationId, String causationId, String payload, String metaData, String hash,
                   String previousHash) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AuditRecord derive(StoredEvent event, String previousHash) {
        JsonNode metaData = tree(event.metaData());
        JsonNode payload = tree(event.payload());
        return new AuditRecord(event.position(), event.eventId(), simpleName(event.payloadType()), event.payloadType(),
                // the row keeps microseconds (timestamp(6)); the stored text, with whatever precision, is what is hashed
                Instant.parse(event.timestamp()).truncatedTo(ChronoUnit.MICROS),
                text(metaData, WardenMetaData.ACTOR), text(metaData, WardenMetaData.ACTOR_ROLES),
                event.aggregateType(), event.aggregateId(), event.sequenceNumber(), text(payload, "reason"),
                text(metaData, WardenMetaData.CORRELATION_ID), text(metaData, WardenMetaData.CAUSATION_ID),
                new String(event.payload(), StandardCharsets.UTF_8),
                event.metaData() == null ? null : new String(event.metaData(), StandardCharsets.UTF_8),
                AuditChain.link(previousHash, event), previousHash);
    }

    AuditRecord relinkedAfter(String newPreviousHash, StoredEvent event) {
        return new AuditRecord(position, eventId, type, payloadType, occurredAt, actor, actorRoles, aggregateType,
                aggregateId, sequenceNumber, reason, correlationId, causationId, payload, metaData,
                AuditChain.link(newPreviousHash, event), newPreviousHash);
    }

    /** The first column in which {@code actual} differs from this (expected) row, or null if none does. */
    String firstDifference(AuditRecord actual) {
        if (!eventId.equals(actual.eventId)) return "eventId";
        if (!type.equals(actual.type)) return "type";
        if (!payloadType.equals(actual.payloadType)) return "payloadType";
        if (!occurredAt.equals(actual.occurredAt)) return "occurredAt";
        if (!Objects.equals(actor, actual.actor)) return "actor";
        if (!Objects.equals(actorRoles, actual.actorRoles)) return "actorRoles";
        if (!Objects.equals(aggregateType, actual.aggregateType)) return "aggregateType";
        if (!aggregateId.equals(actual.aggregateId)) return "aggregateId";
        if (sequenceNumber != actual.sequenceNumber) return "sequenceNumber";
        if (!Objects.equals(reason, actual.reason)) return "reason";
        if (!Objects.equals(correlationId, actual.correlationId)) return "correlationId";
        if (!Objects.equals(causationId, actual.causationId)) return "causationId";
        if (!payload.equals(actual.payload)) return "payload";
        if (!Objects.equals(metaData, actual.metaData)) return "metaData";
        if (!previousHash.equals(actual.previousHash)) return "previousHash";
        if (!hash.equals(actual.hash)) return "hash";
        return null;
    }

    AuditEntryView toView() {
        return new AuditEntryView(position, eventId, type, occurredAt, actor, roles(actorRoles), aggregateType,
                aggregateId, sequenceNumber, reason, correlationId, causationId, payload, hash, previousHash);
    }

    static String simpleName(String className) {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }

    private static List<String> roles(String actorRoles) {
        if (actorRoles == null || actorRoles.isBlank()) {
            return List.of();
        }
        return Arrays.stream(actorRoles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    /** Null when absent or unreadable: a damaged payload still gets its row, and the verifier reports the damage. */
    private static JsonNode tree(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode object, String field) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
