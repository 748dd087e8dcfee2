package io.warden.api.types;

/** Where a four-eyes proposal stands. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, EXPIRED
}
