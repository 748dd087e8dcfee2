package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Ends a suspension. */
public record ReinstateAccountCommand(@TargetAggregateIdentifier String accountId, String reason) {
}
