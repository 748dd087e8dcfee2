package io.warden.command.cases;

import io.warden.api.types.ActionKind;

/**
 * When a campaign takedown needs a second person, and how it is driven. A ban always needs one (as a single ban
 * does), so a BAN takedown of any size is approved once, for all its accounts; any other takedown needs one when it
 * covers more than {@code approvalThreshold} accounts. {@code chunkSize} accounts are handled per step, spread over
 * {@code parallelism} threads.
 */
public record TakedownPolicy(int approvalThreshold, int chunkSize, int parallelism) {

    public static final int DEFAULT_APPROVAL_THRESHOLD = 100;
    public static final int DEFAULT_CHUNK_SIZE = 500;
    public static final int DEFAULT_PARALLELISM = 4;

    public TakedownPolicy {
        if (approvalThreshold < 0) {
            throw new IllegalArgumentException("approvalThreshold must not be negative, not " + approvalThreshold);
        }
        if (chunkSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("chunkSize and parallelism must be positive, not " + chunkSize + " and "
                    + parallelism);
        }
    }

    public static TakedownPolicy withDefaults() {
        return new TakedownPolicy(DEFAULT_APPROVAL_THRESHOLD, DEFAULT_CHUNK_SIZE, DEFAULT_PARALLELISM);
    }

    public boolean requiresApproval(ActionKind action, long accounts) {
        return action == ActionKind.BAN || accounts > approvalThreshold;
    }
}
