package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Marks an account for attention. */
public record FlagAccountCommand(@TargetAggregateIdentifier String accountId, String reason, List<String> violationIds) {
}
