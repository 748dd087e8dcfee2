package io.warden.query.reporting;

import io.warden.api.types.Severity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a case of each severity may stay without enforcement or resolution ({@code warden.sla.*}). Read at query
 * time, not baked into the read model, so a changed SLA applies to the figures at once.
 */
@Component
class SlaDurations {

    private final Map<Severity, Duration> bySeverity = new EnumMap<>(Severity.class);

    SlaDurations(@Value("${warden.sla.critical:4h}") Duration critical,
                 @Value("${warden.sla.high:24h}") Duration high,
                 @Value("${warden.sla.medium:72h}") Duration medium,
                 @Value("${warden.sla.low:7d}") Duration low) {
        put(Severity.CRITICAL, critical);
        put(Severity.HIGH, high);
        put(Severity.MEDIUM, medium);
        put(Severity.LOW, low);
    }

    private void put(Severity severity, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("warden.sla." + severity.name().toLowerCase() + " must be positive, not "
                    + duration);
        }
        bySeverity.put(severity, duration);
    }

    Duration of(Severity severity) {
        return bySeverity.get(severity);
    }
}
