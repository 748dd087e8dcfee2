package io.warden.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * Audit entries in event order. Every criterion is optional (null: no restriction); {@code aggregateType} and
 * {@code aggregateId} together select one account's or one case's trail.
 *
 * @param from          occurred at or after (inclusive)
 * @param to            occurred before (exclusive)
 * @param types         event simple names, any of which matches; empty means all
 * @param afterPosition only entries with a greater position (a cursor for exports; pages count from there)
 */
public record FindAuditTrailQuery(String aggregateType, String aggregateId, Instant from, Instant to, String actor,
                                  List<String> types, Long afterPosition, int page, int size) {

    public FindAuditTrailQuery {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
