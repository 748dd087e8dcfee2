package io.warden.api.types;

/** Where a case stands. */
public enum CaseStatus {
    OPEN, ENFORCING, RESOLVED
}
