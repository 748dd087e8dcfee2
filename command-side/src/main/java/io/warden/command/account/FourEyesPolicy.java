package io.warden.command.account;

import io.warden.api.types.ActionKind;
import io.warden.api.types.Tier;

import java.time.Duration;
import java.util.Objects;

/**
 * Which actions need a second person: bans always, suspensions of ENTERPRISE accounts. A proposal that nobody
 * answers expires after {@code proposalLifetime}; the proposer can never be the one who approves or rejects it.
 */
public final class FourEyesPolicy {

    public static final Duration DEFAULT_PROPOSAL_LIFETIME = Duration.ofHours(72);

    private final Duration proposalLifetime;

    public FourEyesPolicy(Duration proposalLifetime) {
        this.proposalLifetime = Objects.requireNonNull(proposalLifetime, "proposalLifetime");
        if (proposalLifetime.isNegative() || proposalLifetime.isZero()) {
            throw new IllegalArgumentException("a proposal must live for a positive time, not " + proposalLifetime);
        }
    }

    public static FourEyesPolicy withDefaults() {
        return new FourEyesPolicy(DEFAULT_PROPOSAL_LIFETIME);
    }

    public boolean requiresApproval(ActionKind action, Tier tier) {
        return switch (action) {
            case BAN -> true;
            case SUSPEND -> tier == Tier.ENTERPRISE;
            case FLAG, RESTRICT -> false;
        };
    }

    public Duration proposalLifetime() {
        return proposalLifetime;
    }

    public boolean mayDecide(String proposer, String decider) {
        return decider != null && !decider.equals(proposer);
    }
}
