package io.warden.command.cases;

import io.warden.api.types.ActionKind;

/** The case's takedown awaiting approval or running, with where it stands (accounts go in id order). */
record Takedown(String enforcementId, ActionKind action, String reason, long total, String requestedBy, boolean running, String cursor,
                long done, long skipped, long failed) {

    Takedown started() {
        return new Takedown(enforcementId, action, reason, total, requestedBy, true, cursor, done, skipped, failed);
    }

    Takedown progressed(String newCursor, long newDone, long newSkipped, long newFailed) {
        return new Takedown(enforcementId, action, reason, total, requestedBy, running, newCursor, newDone, newSkipped, newFailed);
    }
}
