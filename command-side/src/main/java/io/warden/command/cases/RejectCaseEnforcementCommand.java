package io.warden.command.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a pending takedown; no account is touched. */
public record RejectCaseEnforcementCommand(@TargetAggregateIdentifier String caseId, String enforcementId,
                                           String comment) {
}
