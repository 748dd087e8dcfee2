package io.warden.query.audit;

import io.warden.api.queries.AuditEntryView;
import io.warden.api.types.WardenMetaData;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
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
    private static final boolean FAIL_ON_TRAILING_TOKENS = JSON.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_STRING_LENGTH = JSON.tokenStreamFactory().streamReadConstraints().getMaxStringLength();
    /** The metadata fields kept in their own columns, in the order {@link #derive} reads them. */
    static final List<String> META_DATA_FIELDS = List.of(WardenMetaData.ACTOR, WardenMetaData.ACTOR_ROLES,
            WardenMetaData.CORRELATION_ID, WardenMetaData.CAUSATION_ID);
    static final List<String> PAYLOAD_FIELDS = List.of("reason");

    static AuditRecord derive(StoredEvent event, String previousHash) {
        String[] metaData = topLevelTexts(event.metaData(), META_DATA_FIELDS);
        String[] payload = topLevelTexts(event.payload(), PAYLOAD_FIELDS);
        return new AuditRecord(event.position(), event.eventId(), simpleName(event.payloadType()), event.payloadType(),
                // the row keeps microseconds (timestamp(6)); the stored text, with whatever precision, is what is hashed
                Instant.parse(event.timestamp()).truncatedTo(ChronoUnit.MICROS),
                metaData[0], metaData[1], event.aggregateType(), event.aggregateId(), event.sequenceNumber(), payload[0],
                metaData[2], metaData[3], new String(event.payload(), StandardCharsets.UTF_8),
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

    /**
     * The values of the top-level {@code fields} of a JSON object document, in that order: a string as its text, any
     * other value as its compact JSON ({@link JsonNode#toString()}), null when absent or JSON null; of duplicate keys
     * the last one counts. All are null when the document is absent, not an object or not readable as a whole: a
     * damaged payload still gets its row, and the verifier reports the damage.
     * <p>
     * The same answers as reading the document as a tree and asking it, for every input, at a fraction of the cost
     * (no node, map or string for the values nobody asks for). So the whole document is still read to its end and
     * must be well-formed with nothing after the object ({@code FAIL_ON_TRAILING_TOKENS}, on by default); every string
     * in it is decoded ({@link JsonParser#finishToken()}) rather than skipped, because skipping does not check the
     * UTF-8 as strictly as decoding does (an encoded surrogate makes the tree unreadable), which is also why the
     * nested values are walked token by token instead of with {@link JsonParser#skipChildren()}.
     */
    static String[] topLevelTexts(byte[] json, List<String> fields) {
        String[] values = new String[fields.size()];
        if (json == null) {
            return values;
        }
        // a string's length limit is checked where it becomes a String (as in the tree), not where it is only
        // decoded; only a document this long can hold a string over the limit
        boolean decodeAsTree = json.length >= MAX_STRING_LENGTH;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                int field = fields.indexOf(name);
                if (field >= 0) {
                    values[field] = token == JsonToken.VALUE_NULL ? null
                            : token == JsonToken.VALUE_STRING ? parser.getString()
                            : parser.readValueAsTree().toString();
                } else {
                    read(parser, token, decodeAsTree);
                }
            }
            if (FAIL_ON_TRAILING_TOKENS && parser.nextToken() != null) {
                return new String[fields.size()];
            }
            return values;
        } catch (JacksonException e) {
            return new String[fields.size()];
        }
    }

    /** Reads the value that starts at {@code token} to its end, decoding its strings but keeping nothing. */
    private static void read(JsonParser parser, JsonToken token, boolean decodeAsTree) {
        int depth = 0;
        while (true) {
            if (token == JsonToken.VALUE_STRING) {
                if (decodeAsTree) {
                    parser.getString();
                } else {
                    parser.finishToken();
                }
            } else if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
            if (token == null) {
                // the parser reports a document that ends inside a value itself
                throw new IllegalStateException("the JSON parser let a truncated document through");
            }
        }
    }
}
