package io.warden.command.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves a pending takedown; the approver must not be its requester. */
public record ApproveCaseEnforcementCommand(@TargetAggregateIdentifier String caseId, String enforcementId,
                                            String comment) {
}
