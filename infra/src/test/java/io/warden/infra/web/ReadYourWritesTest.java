package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadYourWritesTest {

    private final ReadYourWrites reads = new ReadYourWrites(Duration.ofMillis(200));

    @Test
    void without_min_version_the_read_model_answers_as_it_is() {
        assertThat(reads.read("Account a", null, () -> Optional.of(3L), v -> v)).isEqualTo(3L);
    }

    @Test
    void an_unknown_resource_without_min_version_is_not_found() {
        assertThatThrownBy(() -> reads.read("Account a", null, Optional::<Long>empty, v -> v))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Account a");
    }

    @Test
    void with_min_version_the_read_waits_until_the_read_model_reaches_it() {
        AtomicInteger calls = new AtomicInteger();
        long answer = reads.read("Account a", 5L, () -> Optional.of((long) calls.incrementAndGet()), v -> v);
        assertThat(answer).isEqualTo(5L);
        assertThat(calls).hasValue(5);
    }

    @Test
    void a_read_model_that_stays_behind_is_503_not_stale_data() {
        assertThatThrownBy(() -> reads.read("Account a", 7L, () -> Optional.of(6L), v -> v))
                .isInstanceOf(ReadModelNotReadyException.class)
                .hasMessageContaining("version 7")
                .hasMessageContaining("version 6");
    }

    @Test
    void a_resource_the_read_model_has_not_seen_yet_is_503_when_a_version_was_asked_for() {
        assertThatThrownBy(() -> reads.read("Account a", 0L, Optional::<Long>empty, v -> v))
                .isInstanceOf(ReadModelNotReadyException.class)
                .hasMessageContaining("nothing of it yet");
    }

    @Test
    void a_negative_min_version_is_bad_input() {
        assertThatThrownBy(() -> reads.read("Account a", -1L, () -> Optional.of(1L), v -> v))
                .isInstanceOf(BadRequestException.class);
    }
}
