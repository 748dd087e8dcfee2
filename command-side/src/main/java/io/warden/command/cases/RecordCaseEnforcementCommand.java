package io.warden.command.cases;

import io.warden.api.types.ActionKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An enforcement action citing the case was taken on one of its accounts. Idempotent: only the first counts. */
public record RecordCaseEnforcementCommand(@TargetAggregateIdentifier String caseId, String accountId,
                                           String actionId, ActionKind kind) {
}
