package io.warden.api.queries;

/**
 * Recompute the audit chain from the stored events and compare it with the audit trail; optionally also with a head
 * exported earlier ({@code expectedHash} at {@code atPosition}, both or neither), which detects a consistent rewrite
 * of the events and the chain from some point on.
 */
public record VerifyAuditTrailQuery(String expectedHash, Long atPosition) {
}
