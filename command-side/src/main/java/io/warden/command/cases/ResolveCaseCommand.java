package io.warden.command.cases;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Closes a case with an outcome. */
public record ResolveCaseCommand(@TargetAggregateIdentifier String caseId, CaseOutcome outcome, String summary) {
}
