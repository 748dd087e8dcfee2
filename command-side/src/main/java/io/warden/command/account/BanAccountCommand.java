package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Proposes a ban; a ban always needs a second person's approval. */
public record BanAccountCommand(@TargetAggregateIdentifier String accountId, String actionId, String reason, EnforcementGrounds grounds) {
}
