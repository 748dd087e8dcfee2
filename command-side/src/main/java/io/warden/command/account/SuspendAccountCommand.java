package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Suspends an account, or proposes the suspension when the account's tier needs four eyes. */
public record SuspendAccountCommand(@TargetAggregateIdentifier String accountId, String actionId, String reason, EnforcementGrounds grounds) {
}
