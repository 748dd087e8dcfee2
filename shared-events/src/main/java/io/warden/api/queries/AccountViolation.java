package io.warden.api.queries;

import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;

import java.time.Instant;

/** A violation as the account view lists it: what, how serious, when, and the evidence in one line. */
public record AccountViolation(
        String violationId,
        ViolationCategory category,
        String policy,
        Severity severity,
        Instant detectedAt,
        Instant recordedAt,
        String detector,
        String evidenceSummary) {
}
