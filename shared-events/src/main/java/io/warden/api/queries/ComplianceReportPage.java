package io.warden.api.queries;

import java.time.Instant;
import java.util.List;

/** A page of compliance report rows; {@code next} is null on the last page. */
public record ComplianceReportPage(List<ComplianceReportRow> items, Cursor next) {

    /** The position of a row in the report's order. */
    public record Cursor(Instant detectedAt, String violationId, String accountId) {
    }
}
