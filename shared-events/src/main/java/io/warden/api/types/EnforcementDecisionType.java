package io.warden.api.types;

/**
 * What a gateway acts on: decisions in force. Proposals are not in the feed (nothing is enforced until they are
 * approved, and then the account's own event follows).
 */
public enum EnforcementDecisionType {
    FLAGGED, UNFLAGGED, RESTRICTED, RESTRICTION_LIFTED, SUSPENDED, BANNED, REINSTATED
}
