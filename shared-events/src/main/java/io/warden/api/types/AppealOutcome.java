package io.warden.api.types;

/** How an appeal was decided; OVERTURNED reinstates the account. */
public enum AppealOutcome {
    UPHELD, OVERTURNED
}
