package io.warden.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * An automatic flagging rule fired for the account, citing the violations that made it fire. Unlike a person's
 * flag, a rule's flag on an account that is already flagged (or banned) is a no-op, not a refusal: the rule keeps
 * firing on further violations and has nothing to add.
 */
public record FlagAccountByRuleCommand(@TargetAggregateIdentifier String accountId, String rule,
                                       List<String> violationIds) {
}
