package io.warden.api.types;

/** How a case was closed. */
public enum CaseOutcome {
    ACTION_TAKEN, NO_ACTION_NEEDED, REFERRED, DUPLICATE
}
