package io.warden.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * How every tracking processing group runs ({@code warden.processors.*}). The defaults suit two cores and the seed
 * incident (a million events): 500 events per transaction, one segment and one worker thread per processor. The
 * processors run side by side, so a node's cores are busy without splitting each of them, and each segment more
 * costs its coordinator a walk of a work queue per event (Axon's {@code WorkPackage.hasRemainingCapacity} counts a
 * {@code ConcurrentLinkedQueue}); more segments let several instances share one processor.
 *
 * @param batchSize          events handled in one transaction (and one token update) per segment
 * @param segments           segments a processor starts with when it has no tokens yet; changing it later takes a
 *                           split or merge, or deleting the processor's tokens (a replay from the start)
 * @param threads            worker threads per processor, i.e. segments processed at the same time
 * @param tokenClaimInterval how often a processor looks for unclaimed segments (after a start, a replay, or another
 *                           instance stopping)
 * @param deadLetters        whether a failing event parks its aggregate's sequence in {@code dead_letter_entry}
 * @param overrides          per processing group, any of the above; unset fields take the defaults
 */
@ConfigurationProperties("warden.processors")
public record ProcessorProperties(@DefaultValue("500") int batchSize,
                                  @DefaultValue("1") int segments,
                                  @DefaultValue("1") int threads,
                                  @DefaultValue("2s") Duration tokenClaimInterval,
                                  @DefaultValue("true") boolean deadLetters,
                                  Map<String, Override> overrides) {

    public ProcessorProperties {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        // a value below 1 anywhere fails the start-up here rather than when the processor is first built
        new Settings(batchSize, segments, threads, deadLetters);
        for (Override o : overrides.values()) {
            new Settings(o.batchSize() != null ? o.batchSize() : batchSize, o.segments() != null ? o.segments() : segments,
                    o.threads() != null ? o.threads() : threads, true);
        }
    }

    /** The settings of one processing group: its override where set, the defaults otherwise. */
    public Settings settingsFor(String processor) {
        Override o = overrides.get(processor);
        if (o == null) {
            return new Settings(batchSize, segments, threads, deadLetters);
        }
        return new Settings(o.batchSize() != null ? o.batchSize() : batchSize,
                o.segments() != null ? o.segments() : segments,
                o.threads() != null ? o.threads() : threads,
                o.deadLetters() != null ? o.deadLetters() : deadLetters);
    }

    public record Override(Integer batchSize, Integer segments, Integer threads, Boolean deadLetters) {
    }

    public record Settings(int batchSize, int segments, int threads, boolean deadLetters) {
        public Settings {
            if (batchSize < 1 || segments < 1 || threads < 1) {
                throw new IllegalArgumentException("batch-size, segments and threads of a processor must be at least 1");
            }
        }
    }
}
