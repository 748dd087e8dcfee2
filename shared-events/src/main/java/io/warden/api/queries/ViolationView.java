package io.warden.api.queries;

import io.warden.api.types.Evidence;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;

import java.time.Instant;
import java.util.List;

/**
 * A violation with the actions that cite it by id. {@code actioned} is true once a restriction, suspension or ban
 * has cited it (a flag alone does not count). {@code version} is the account's version this view reflects.
 */
public record ViolationView(
        String violationId,
        String accountId,
        ViolationCategory category,
        String policy,
        Severity severity,
        Instant detectedAt,
        Instant recordedAt,
        Evidence evidence,
        long version,
        boolean actioned,
        Instant firstActionedAt,
        List<CitingAction> actions) {
}
