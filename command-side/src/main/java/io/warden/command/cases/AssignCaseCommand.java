package io.warden.command.cases;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Assigns a case to a person. */
public record AssignCaseCommand(@TargetAggregateIdentifier String caseId, String assignee) {
}
