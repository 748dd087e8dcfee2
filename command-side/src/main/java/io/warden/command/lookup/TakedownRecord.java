package io.warden.command.lookup;

import io.warden.api.types.ActionKind;

/** A takedown as the command side knows it: which case owns it, and who requested and (if anyone) approved it. */
public record TakedownRecord(String enforcementId, String caseId, ActionKind action, String requestedBy,
                             String approvedBy, boolean started) {
}
