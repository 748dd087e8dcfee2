package io.warden.api.queries;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;

import java.time.Instant;
import java.util.List;

/**
 * An account with everything recorded and enforced on it. {@code version} is the sequence number of the last
 * account event the view reflects (as in command answers); {@code asOf} is set when the view was reconstructed for
 * a past instant, and null for the current state.
 */
public record AccountView(
        String accountId,
        String organization,
        String organizationId,
        String country,
        Tier tier,
        AccountStatus status,
        long version,
        Instant registeredAt,
        Instant asOf,
        List<AccountViolation> violations,
        List<AccountAction> actions,
        List<AccountCaseLink> cases,
        List<PendingApproval> pendingApprovals,
        List<AccountAppeal> appeals) {
}
