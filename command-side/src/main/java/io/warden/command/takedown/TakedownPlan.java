package io.warden.command.takedown;

import io.warden.api.types.ActionKind;

/** What a started takedown does, as the saga remembers it. */
record TakedownPlan(String caseId, String enforcementId, ActionKind action, String reason, String requestedBy,
                    String approvedBy) {
}
