package io.warden.api.queries;

import io.warden.api.types.ViolationCategory;

import java.time.Instant;
import java.util.List;

/**
 * The compliance report as JSON: the period [from, to) over detectedAt, the category asked for (null: all), the
 * totals, and one item per violation in (detectedAt, violationId, accountId) order.
 */
public record ComplianceReportView(Instant from, Instant to, ViolationCategory category, Instant generatedAt,
                                   ComplianceTotals totals, List<ComplianceReportRow> items) {
}
