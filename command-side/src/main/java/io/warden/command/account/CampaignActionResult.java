package io.warden.command.account;

/**
 * What a campaign takedown did to one account: {@code APPLIED} (its action's usual event, with {@code actionId}),
 * {@code PROPOSED} (an ENTERPRISE suspension of an unapproved takedown, left to four eyes), or {@code SKIPPED}
 * with the reason. {@code repeated} when the account had answered this takedown before.
 */
public record CampaignActionResult(String accountId, String actionId, Outcome outcome, String reason,
                                   boolean repeated) {

    public enum Outcome { APPLIED, PROPOSED, SKIPPED }
}
