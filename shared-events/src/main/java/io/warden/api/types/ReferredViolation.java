package io.warden.api.types;

/** An export-control violation attached to an external referral. */
public record ReferredViolation(String violationId, String accountId, String policy) {
}
