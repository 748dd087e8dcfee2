package io.warden.command.cases;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Links accounts to a case; accounts already linked are skipped. */
public record LinkAccountsToCaseCommand(@TargetAggregateIdentifier String caseId, List<String> accountIds) {
}
