package io.warden.infra.web;

import java.time.Duration;

/**
 * A read asked for {@code minVersion} and the read model had not reached it within the wait bound: answered 503
 * with {@code Retry-After}, never with stale data presented as current.
 */
public class ReadModelNotReadyException extends RuntimeException {

    private final transient Duration retryAfter;

    public ReadModelNotReadyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
