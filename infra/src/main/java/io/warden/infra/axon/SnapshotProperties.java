package io.warden.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After how many events since the last snapshot an aggregate is snapshotted. Accounts collect many small events
 * (violations, flags); a case linked to a campaign carries thousands of account ids per event. {@code enabled=false}
 * takes no snapshots at all (Axon's stock behaviour, used by the benchmark's stock run).
 */
@ConfigurationProperties("warden.snapshots")
public record SnapshotProperties(@DefaultValue("true") boolean enabled, @DefaultValue("50") int accountThreshold,
                                 @DefaultValue("20") int caseThreshold) {

    public SnapshotProperties {
        if (accountThreshold < 1 || caseThreshold < 1) {
            throw new IllegalArgumentException("snapshot thresholds must be positive");
        }
    }
}
