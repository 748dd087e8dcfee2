package io.warden.api.types;

/** What a takedown did not do to one account, and why. */
public record AccountOutcome(String accountId, String reason) {
}
