package io.warden.api.queries;

import io.warden.api.types.ActionKind;
import io.warden.api.types.ApprovalStatus;

import java.time.Instant;
import java.util.List;

/** One four-eyes proposal as an approver sees it. */
public record ApprovalSummary(
        String actionId,
        String accountId,
        ActionKind action,
        String reason,
        List<String> violationIds,
        String caseId,
        String proposedBy,
        Instant proposedAt,
        Instant expiresAt,
        ApprovalStatus status,
        String decidedBy,
        Instant decidedAt,
        String comment) {
}
