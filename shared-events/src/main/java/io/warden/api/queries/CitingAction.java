package io.warden.api.queries;

import io.warden.api.types.ActionKind;
import io.warden.api.types.RestrictionKind;

import java.time.Instant;

/** An action that cites a violation by its id, and where it stands now. */
public record CitingAction(
        String actionId,
        ActionKind kind,
        RestrictionKind restrictionKind,
        String reason,
        String imposedBy,
        String approvedBy,
        Instant imposedAt,
        ActionState state,
        Instant endedAt) {
}
