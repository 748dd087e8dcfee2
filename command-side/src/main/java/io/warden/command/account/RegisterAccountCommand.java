package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Registers an account; the same data again is a no-op, different data is refused. */
public record RegisterAccountCommand(@TargetAggregateIdentifier String accountId, String organization, String organizationId, String country, Tier tier) {
}
