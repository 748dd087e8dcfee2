package io.warden.api.queries;

import io.warden.api.types.ActionKind;

import java.time.Instant;
import java.util.List;

/** A suspension or ban proposed on the account and still awaiting a second person's decision. */
public record PendingApproval(
        String actionId,
        ActionKind kind,
        String reason,
        List<String> violationIds,
        String caseId,
        String proposedBy,
        Instant proposedAt,
        Instant expiresAt) {
}
