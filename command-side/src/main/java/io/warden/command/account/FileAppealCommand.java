package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Files an appeal against the account's current suspension or ban. */
public record FileAppealCommand(@TargetAggregateIdentifier String accountId, String appealId, String statement) {
}
