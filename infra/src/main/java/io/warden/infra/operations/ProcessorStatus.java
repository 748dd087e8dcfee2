package io.warden.infra.operations;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event processor as operators see it.
 *
 * @param type        {@code pooled-streaming} (the read models) or {@code subscribing} (in the command's transaction)
 * @param segments    segments this instance has claimed, of those in the token table; null for subscribing
 * @param position    the lowest global index the claimed segments have reached; null before the first claim
 * @param head        the highest global index in the event store
 * @param lag         {@code head - position}: events not yet handled (events no handler of the processor wants count
 *                    too, until the processor has read past them)
 * @param replayable  whether {@code POST .../replay} may rebuild it (sagas, for one, refuse to be replayed)
 * @param replaying   true from a replay request until every segment has caught up with where it was
 * @param replaysCompleted replays of this processor that have finished since this instance started
 * @param deadLetters events parked in the dead-letter queue
 * @param error       a segment failed and is retrying with back-off ({@code errorMessage} says why)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessorStatus(String name, String type, Segments segments, Long position, long head, Long lag,
                              boolean replayable, boolean replaying, long replaysCompleted, long deadLetters,
                              boolean running, boolean error, String errorMessage) {

    public record Segments(long claimed, long total) {
    }
}
