package io.warden.api.queries;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;

import java.time.Instant;

/** An account as lists show it; {@code activeActions} counts the flags, restrictions, suspensions and bans in force. */
public record AccountSummary(
        String accountId,
        String organization,
        String organizationId,
        String country,
        Tier tier,
        AccountStatus status,
        long version,
        int violationCount,
        int activeActions,
        Instant registeredAt) {
}
