package io.warden.api.queries;

import io.warden.api.types.AccountOutcome;
import io.warden.api.types.ActionKind;
import io.warden.api.types.TakedownStatus;

import java.time.Instant;
import java.util.List;

/**
 * A campaign takedown and its progress. {@code skippedReasons} and {@code failures} hold the first ones only (with
 * account and reason); the counts are complete. {@code version} is the case's version after the takedown's latest
 * event.
 */
public record TakedownView(String enforcementId, String caseId, ActionKind action, String reason, TakedownStatus status,
                           long total, long done, long skipped, long failed, List<AccountOutcome> skippedReasons,
                           List<AccountOutcome> failures, String requestedBy, String approvedBy, String rejectedBy,
                           Instant requestedAt, Instant startedAt, Instant completedAt, long version) {
}
