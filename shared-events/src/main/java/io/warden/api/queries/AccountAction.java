package io.warden.api.queries;

import io.warden.api.types.ActionKind;
import io.warden.api.types.RestrictionKind;

import java.time.Instant;
import java.util.List;

/**
 * One flag, restriction, suspension or ban on an account, with the violations and the case it cites. A flag has
 * no id of its own in the events, so its id is {@code flag-<sequence number of the flagging event>}.
 * {@code restrictionKind} is set for restrictions only; {@code approvedBy} for four-eyes actions only.
 */
public record AccountAction(
        String actionId,
        ActionKind kind,
        RestrictionKind restrictionKind,
        String reason,
        String imposedBy,
        String approvedBy,
        Instant imposedAt,
        Instant expiresAt,
        ActionState state,
        Instant endedAt,
        String endedBy,
        String endReason,
        List<String> violationIds,
        String caseId) {
}
