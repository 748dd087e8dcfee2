package io.warden.command.rules;

import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;

import java.time.Duration;
import java.util.Objects;

/**
 * A named threshold: {@code count} violations of {@code category} at {@code minSeverity} or above on one account,
 * detected within {@code within} of each other (any time, when {@code within} is null), flag the account.
 */
public record FlaggingRule(String name, ViolationCategory category, Severity minSeverity, int count, Duration within) {

    public FlaggingRule {
        Objects.requireNonNull(name, "a flagging rule needs a name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a flagging rule needs a name");
        }
        Objects.requireNonNull(category, "rule " + name + " needs a category");
        Objects.requireNonNull(minSeverity, "rule " + name + " needs a min-severity");
        if (count < 1) {
            throw new IllegalArgumentException("rule " + name + " needs a count of at least 1, not " + count);
        }
        if (within != null && (within.isNegative() || within.isZero())) {
            throw new IllegalArgumentException("rule " + name + " needs a positive within, not " + within);
        }
    }

    boolean matches(ViolationCategory violationCategory, Severity severity) {
        return category == violationCategory && severity.compareTo(minSeverity) >= 0;
    }
}
