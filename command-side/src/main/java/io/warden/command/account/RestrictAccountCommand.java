package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Places a restriction on an account, citing violations of the account or a case it is linked to. */
public record RestrictAccountCommand(@TargetAggregateIdentifier String accountId, String restrictionId, RestrictionKind kind, String reason, EnforcementGrounds grounds, Instant expiresAt) {
}
