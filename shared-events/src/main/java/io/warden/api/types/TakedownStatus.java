package io.warden.api.types;

/** Where a campaign takedown stands. */
public enum TakedownStatus {
    PENDING_APPROVAL, RUNNING, COMPLETED, REJECTED
}
