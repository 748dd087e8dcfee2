package io.warden.infra.operations;

/**
 * The outcome of a retry of a processor's dead letters.
 *
 * @param attempted   parked sequences when the retry started
 * @param succeeded   sequences handled without error this time (and removed from the queue)
 * @param stillParked sequences in the queue afterwards
 */
public record RetryResult(String processor, long attempted, long succeeded, long stillParked) {
}
