package io.warden.command.cases;

import io.warden.api.types.ActionKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Requests a campaign takedown: {@code action} on every account linked to the case, citing the case. */
public record RequestCaseEnforcementCommand(@TargetAggregateIdentifier String caseId, String enforcementId,
                                            ActionKind action, String reason) {
}
