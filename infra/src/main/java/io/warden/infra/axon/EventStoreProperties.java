package io.warden.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the event store reads around gaps in {@code global_index} ({@code warden.event-store.*}). A gap is an index
 * taken by a transaction that has not committed yet (or never will: a rollback). Every processor's token remembers
 * its gaps and asks for them again on every fetch, so an event committed late is still delivered; Axon forgets a gap
 * only when
 * <ul>
 *     <li>more than {@code gap-cleaning-threshold} gaps are remembered and the events after the gap are older than
 *     {@code gap-timeout}, or</li>
 *     <li>more than {@code max-gap-offset} later events have been read.</li>
 * </ul>
 * Axon's defaults (60 s, 250, 10,000) can forget a slow transaction under the seed's load: bulk intake commits
 * thousands of events a second, so 10,000 later events pass in seconds. Here a gap is kept for ten minutes, far
 * longer than any Warden transaction may run, and for a million later events.
 *
 * @param gapTimeout           how long an open gap is waited for before it may be given up
 * @param gapCleaningThreshold how many gaps a token holds before timed-out ones are cleaned away (bounds the size of
 *                             the token and of the query's {@code IN} list)
 * @param maxGapOffset         how far (in events) behind the newest read event a gap is still remembered
 * @param lowestGlobalSequence the first global index the store hands out ({@code domain_event_entry_seq} starts at
 *                             1), so that even a slow first transaction is a gap and not skipped
 * @param batchSize            events per query when a processor reads the store
 */
@ConfigurationProperties("warden.event-store")
public record EventStoreProperties(@DefaultValue("10m") Duration gapTimeout,
                                   @DefaultValue("250") int gapCleaningThreshold,
                                   @DefaultValue("1000000") int maxGapOffset,
                                   @DefaultValue("1") long lowestGlobalSequence,
                                   @DefaultValue("500") int batchSize) {
}
