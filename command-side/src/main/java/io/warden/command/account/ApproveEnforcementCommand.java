package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Approves a pending proposal; the approver must not be its proposer. */
public record ApproveEnforcementCommand(@TargetAggregateIdentifier String accountId, String actionId, String comment) {
}
