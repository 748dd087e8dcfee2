package io.warden.command.account;

import io.warden.api.types.ActionKind;

/** A suspension or ban in force, with the people who imposed it; none of them may decide an appeal against it. */
record ImposedAction(String actionId, ActionKind kind, String imposedBy, String approvedBy) {

    boolean involves(String person) {
        return person != null && (person.equals(imposedBy) || person.equals(approvedBy));
    }
}
