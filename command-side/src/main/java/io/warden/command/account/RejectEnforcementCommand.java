package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Rejects a pending proposal; the rejecter must not be its proposer. */
public record RejectEnforcementCommand(@TargetAggregateIdentifier String accountId, String actionId, String comment) {
}
