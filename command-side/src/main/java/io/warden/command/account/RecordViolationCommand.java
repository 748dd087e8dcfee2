package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records a violation; a violation id already recorded on the account is a no-op. */
public record RecordViolationCommand(@TargetAggregateIdentifier String accountId, String violationId, ViolationCategory category, String policy, Severity severity, Instant detectedAt, Evidence evidence) {
}
