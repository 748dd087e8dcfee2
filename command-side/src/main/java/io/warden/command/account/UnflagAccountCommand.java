package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Removes the flag from an account. */
public record UnflagAccountCommand(@TargetAggregateIdentifier String accountId, String reason) {
}
