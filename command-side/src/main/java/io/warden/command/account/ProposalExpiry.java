package io.warden.command.account;

import java.time.Instant;

/** The payload of a proposal's expiry deadline. */
public record ProposalExpiry(String accountId, String actionId, Instant expiresAt) {

    static final String DEADLINE = "proposal-expiry";

    static String key(String actionId) {
        return DEADLINE + ":" + actionId;
    }
}
