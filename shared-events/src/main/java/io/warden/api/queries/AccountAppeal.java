package io.warden.api.queries;

import io.warden.api.types.ActionKind;
import io.warden.api.types.AppealOutcome;

import java.time.Instant;

/** An appeal against a suspension or ban; {@code outcome} is null while it is open. */
public record AccountAppeal(
        String appealId,
        String contestedActionId,
        ActionKind contestedAction,
        String statement,
        Instant filedAt,
        AppealOutcome outcome,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {
}
