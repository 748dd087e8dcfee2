package io.warden.query.reporting;

import io.warden.api.types.AccountStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * What the reporting read model keeps of one account: the facts its status is derived from, when it first had a
 * violation and when it was first enforced, and the last aggregate sequence number applied to it.
 */
final class AccountFacts {

    final String accountId;
    final String organization;
    final String organizationId;
    final String country;
    final String tier;
    String flagActionId;
    int activeRestrictions;
    String suspensionActionId;
    String banActionId;
    Instant firstViolationAt;
    Instant firstEnforcedAt;
    Long timeToActionMs;
    long lastSequence;

    AccountFacts(String accountId, String organization, String organizationId, String country, String tier,
                 long lastSequence) {
        this.accountId = accountId;
        this.organization = organization;
        this.organizationId = organizationId;
        this.country = country;
        this.tier = tier;
        this.lastSequence = lastSequence;
    }

    /** An event of this account is applied once: a redelivery carries a sequence number already applied. */
    boolean accepts(long sequence) {
        return sequence > lastSequence;
    }

    AccountStatus status() {
        return AccountStatus.derive(banActionId != null, suspensionActionId != null, activeRestrictions > 0,
                flagActionId != null);
    }

    void recordViolation(Instant recordedAt) {
        if (firstViolationAt == null || recordedAt.isBefore(firstViolationAt)) {
            firstViolationAt = recordedAt;
        }
    }

    void flag(String actionId) {
        flagActionId = actionId;
    }

    /** Answers the flag it removed, or null. */
    String unflag() {
        String removed = flagActionId;
        flagActionId = null;
        return removed;
    }

    void restrict(Instant at) {
        activeRestrictions++;
        enforced(at);
    }

    void liftRestriction() {
        activeRestrictions = Math.max(0, activeRestrictions - 1);
    }

    void suspend(String actionId, Instant at) {
        suspensionActionId = actionId;
        enforced(at);
    }

    void ban(String actionId, Instant at) {
        banActionId = actionId;
        enforced(at);
    }

    void reinstate(Collection<String> endedActionIds) {
        if (suspensionActionId != null && endedActionIds.contains(suspensionActionId)) {
            suspensionActionId = null;
        }
        if (banActionId != null && endedActionIds.contains(banActionId)) {
            banActionId = null;
        }
    }

    /**
     * Time to first action is measured once, at the first enforcement, and only for an account that had a violation
     * before it: an account enforced through a case before any violation of its own has no such interval.
     */
    private void enforced(Instant at) {
        if (firstEnforcedAt != null) {
            return;
        }
        firstEnforcedAt = at;
        if (firstViolationAt != null && !firstViolationAt.isAfter(at)) {
            timeToActionMs = Duration.between(firstViolationAt, at).toMillis();
        }
    }
}
