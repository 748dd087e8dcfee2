package io.warden.api.types;

/** The externally visible status of an account, derived from its flags, restrictions, suspension and ban. */
public enum AccountStatus {
    ACTIVE, FLAGGED, RESTRICTED, SUSPENDED, BANNED
}
