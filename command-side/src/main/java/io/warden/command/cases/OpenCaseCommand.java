package io.warden.command.cases;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Opens a case, optionally linking accounts from the start. */
public record OpenCaseCommand(@TargetAggregateIdentifier String caseId, String title, CaseCategory category, Severity severity, String summary, List<String> accountIds) {
}
