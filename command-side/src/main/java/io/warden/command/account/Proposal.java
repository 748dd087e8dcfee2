package io.warden.command.account;

import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;

import java.time.Instant;

/** An action awaiting a second person's approval. */
record Proposal(String actionId, ActionKind kind, String reason, EnforcementGrounds grounds, String proposedBy,
                Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }
}
