package io.warden.command.account;

/** The appeal awaiting a decision, and the action it contests as it stood when the appeal was filed. */
record OpenAppeal(String appealId, ImposedAction contested) {
}
