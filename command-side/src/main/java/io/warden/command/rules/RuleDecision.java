package io.warden.command.rules;

import java.util.List;

/** A rule fired for an account, because of these violations (in detection order). */
public record RuleDecision(String rule, String accountId, List<String> violationIds) {
}
