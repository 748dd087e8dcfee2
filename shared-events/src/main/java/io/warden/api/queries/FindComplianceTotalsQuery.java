package io.warden.api.queries;

import io.warden.api.types.ViolationCategory;

import java.time.Instant;

/** The totals of the compliance report over violations detected in [from, to), of {@code category} (null: all). */
public record FindComplianceTotalsQuery(Instant from, Instant to, ViolationCategory category) {
}
