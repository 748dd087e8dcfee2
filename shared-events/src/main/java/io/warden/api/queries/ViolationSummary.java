package io.warden.api.queries;

import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;

import java.time.Instant;

/** A violation as lists show it. */
public record ViolationSummary(
        String violationId,
        String accountId,
        ViolationCategory category,
        String policy,
        Severity severity,
        Instant detectedAt,
        Instant recordedAt,
        String evidenceSummary,
        boolean actioned) {
}
