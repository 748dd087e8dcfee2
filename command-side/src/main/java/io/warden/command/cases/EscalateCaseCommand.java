package io.warden.command.cases;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Moves a case to a higher tier. */
public record EscalateCaseCommand(@TargetAggregateIdentifier String caseId, CaseTier tier, String reason) {
}
