package io.warden.infra.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for single-resource GETs: with {@code minVersion} the read is repeated until the read model has
 * applied that aggregate version, for at most {@code warden.query.min-version-wait} (5 s). Past the bound the answer
 * is 503 with {@code Retry-After}, never the stale row presented as current. Without {@code minVersion} the read
 * model answers as it is.
 */
@Component
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Duration bound;

    public ReadYourWrites(@Value("${warden.query.min-version-wait:5s}") Duration bound) {
        this.bound = bound;
    }

    /**
     * @param what       the resource as a person names it ("Account acct-1"), for the 404 and 503 details
     * @param minVersion the version the caller has seen in a command answer, or null
     * @param read       one read of the read model; empty while the resource is unknown to it
     * @param version    the aggregate version a read result reflects
     */
    public <T> T read(String what, Long minVersion, Supplier<Optional<T>> read, ToLongFunction<T> version) {
        if (minVersion == null) {
            return read.get().orElseThrow(() -> new ResourceNotFoundException(what + " does not exist."));
        }
        if (minVersion < 0) {
            throw new BadRequestException("minVersion must not be negative.",
                    java.util.List.of(new Problems.FieldProblem("minVersion", "must be 0 or more")));
        }
        long deadline = System.nanoTime() + bound.toNanos();
        Optional<T> current = read.get();
        while (current.isEmpty() || version.applyAsLong(current.get()) < minVersion) {
            if (System.nanoTime() >= deadline) {
                String seen = current.map(c -> "version " + version.applyAsLong(c)).orElse("nothing of it yet");
                throw new ReadModelNotReadyException(what + " has not reached version " + minVersion
                        + " in the read model within " + bound.toMillis() + " ms (it shows " + seen
                        + "); retry shortly.", RETRY_AFTER);
            }
            sleep();
            current = read.get();
        }
        return current.get();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }
}
