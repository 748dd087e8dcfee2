package io.warden.command.account;

import io.warden.api.types.ActionKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One account's part of a campaign takedown, sent by the takedown saga only. It carries the takedown's requester and
 * approver; the account checks them against the started takedown (a command-side lookup), so the approval cannot be
 * claimed by anyone else. Sent again (after a restart) it answers the first outcome and changes nothing.
 */
public record ApplyCampaignActionCommand(@TargetAggregateIdentifier String accountId, String enforcementId,
                                         String caseId, ActionKind action, String reason, String requestedBy,
                                         String approvedBy) {
}
