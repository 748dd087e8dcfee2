package io.warden.api.types;

/** The externally visible status of an account, derived from its flags, restrictions, suspension and ban. */
public enum AccountStatus {
    ACTIVE, FLAGGED, RESTRICTED, SUSPENDED, BANNED;

    /**
     * The one rule of precedence, used by the aggregate and by every read model that shows a status: a ban outranks
     * a suspension, which outranks a restriction, which outranks a flag.
     */
    public static AccountStatus derive(boolean banned, boolean suspended, boolean restricted, boolean flagged) {
        if (banned) {
            return BANNED;
        }
        if (suspended) {
            return SUSPENDED;
        }
        if (restricted) {
            return RESTRICTED;
        }
        return flagged ? FLAGGED : ACTIVE;
    }
}
