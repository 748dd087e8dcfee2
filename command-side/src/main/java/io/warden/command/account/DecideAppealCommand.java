package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Decides an open appeal; OVERTURNED reinstates the account. */
public record DecideAppealCommand(@TargetAggregateIdentifier String accountId, String appealId, AppealOutcome outcome, String reason) {
}
