package io.warden.command.rules;

import io.warden.api.events.ViolationRecordedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The automatic flagging rules. Windows are measured on the violations' {@code detectedAt}, the time the behaviour
 * was seen, not the time Warden recorded it: a detector that reports a day of findings at once must not look like
 * a burst, and a replay decides exactly as the first run did. A violation fires a rule when some window of length
 * {@code within} holding it also holds {@code count} matching violations; the firing cites the violations of the
 * earliest such window.
 */
public final class FlaggingRules {

    private static final Comparator<RuleState.SeenViolation> BY_DETECTION =
            Comparator.comparing(RuleState.SeenViolation::detectedAt).thenComparing(RuleState.SeenViolation::violationId);

    private final List<FlaggingRule> rules;
    private final RuleState state;

    public FlaggingRules(List<FlaggingRule> rules, RuleState state) {
        this.rules = List.copyOf(rules);
        this.state = state;
        long distinct = rules.stream().map(FlaggingRule::name).distinct().count();
        if (distinct != rules.size()) {
            throw new IllegalArgumentException("flagging rule names must be unique: " + rules.stream().map(FlaggingRule::name).toList());
        }
    }

    public List<FlaggingRule> rules() {
        return rules;
    }

    /** The decisions a newly recorded violation leads to; a redelivered violation leads to none. */
    public List<RuleDecision> onViolation(ViolationRecordedEvent violation) {
        List<RuleDecision> decisions = new ArrayList<>();
        for (FlaggingRule rule : rules) {
            if (!rule.matches(violation.category(), violation.severity())) {
                continue;
            }
            Instant at = violation.detectedAt();
            state.seen(rule.name(), violation.accountId(), violation.violationId(), at);
            List<RuleState.SeenViolation> seen = new ArrayList<>(rule.within() == null
                    ? state.seenAll(rule.name(), violation.accountId())
                    : state.seenBetween(rule.name(), violation.accountId(), at.minus(rule.within()), at.plus(rule.within())));
            seen.sort(BY_DETECTION);
            List<String> cited = windowHolding(violation.violationId(), at, seen, rule.count(), rule.within());
            if (cited != null && state.fired(rule.name(), violation.accountId(), violation.violationId())) {
                decisions.add(new RuleDecision(rule.name(), violation.accountId(), cited));
            }
        }
        return decisions;
    }

    /** The earliest window of {@code count} violations spanning at most {@code within} that holds the new one. */
    static List<String> windowHolding(String violationId, Instant at, List<RuleState.SeenViolation> sorted, int count,
                                      Duration within) {
        if (within == null) {
            return sorted.size() >= count
                    ? sorted.subList(0, count).stream().map(RuleState.SeenViolation::violationId).toList()
                    : null;
        }
        for (int start = 0; start + count <= sorted.size(); start++) {
            List<RuleState.SeenViolation> window = sorted.subList(start, start + count);
            Instant first = window.get(0).detectedAt();
            Instant last = window.get(count - 1).detectedAt();
            boolean holdsNew = window.stream().anyMatch(v -> v.violationId().equals(violationId));
            if (holdsNew && Duration.between(first, last).compareTo(within) <= 0) {
                return window.stream().map(RuleState.SeenViolation::violationId).toList();
            }
        }
        return null;
    }
}
