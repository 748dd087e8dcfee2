package io.warden.command.cases;

import io.warden.api.types.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a case of each severity may stay open with no enforcement citing it and no resolution
 * ({@code warden.sla.*}; defaults CRITICAL 4 h, HIGH 24 h, MEDIUM 72 h, LOW 7 days).
 */
public final class CaseSlaPolicy {

    static final String DEADLINE = "case-sla";

    private final Map<Severity, Duration> durations = new EnumMap<>(Severity.class);

    public CaseSlaPolicy(Duration critical, Duration high, Duration medium, Duration low) {
        put(Severity.CRITICAL, critical);
        put(Severity.HIGH, high);
        put(Severity.MEDIUM, medium);
        put(Severity.LOW, low);
    }

    public static CaseSlaPolicy withDefaults() {
        return new CaseSlaPolicy(Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7));
    }

    private void put(Severity severity, Duration duration) {
        Objects.requireNonNull(duration, severity.name());
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("warden.sla." + severity.name().toLowerCase() + " must be positive, not "
                    + duration);
        }
        durations.put(severity, duration);
    }

    public Duration durationFor(Severity severity) {
        return durations.get(severity);
    }

    Instant deadlineFor(Severity severity, Instant openedAt) {
        return openedAt.plus(durationFor(severity));
    }

    static String key(String caseId) {
        return DEADLINE + ":" + caseId;
    }
}
