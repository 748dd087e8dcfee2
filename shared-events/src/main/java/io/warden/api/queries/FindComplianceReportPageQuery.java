package io.warden.api.queries;

import io.warden.api.types.ViolationCategory;

import java.time.Instant;

/**
 * One page of the compliance report: violations detected in [from, to), of {@code category} (null: all), in
 * (detectedAt, violationId, accountId) order, after {@code after} (null: from the start). Pages are keyed by the
 * last row rather than numbered, so a large period streams in constant memory and a page never shifts.
 */
public record FindComplianceReportPageQuery(Instant from, Instant to, ViolationCategory category,
                                            ComplianceReportPage.Cursor after, int limit) {
}
