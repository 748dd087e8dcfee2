package io.warden.api.queries;

import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;

import java.time.Instant;

/** A case as lists show it. */
public record CaseSummary(
        String caseId,
        String title,
        CaseCategory category,
        Severity severity,
        CaseStatus status,
        CaseTier tier,
        String assignee,
        Instant openedAt,
        long linkedAccountCount,
        long version) {
}
