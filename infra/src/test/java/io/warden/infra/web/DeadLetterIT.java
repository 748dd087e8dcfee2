package io.warden.infra.web;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.ViolationRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler failing on one account's events parks that account's sequence; every other account goes on, and after
 * the cause is fixed a retry handles the parked events in their order. The failing projection exists only in this
 * test, in a processing group nobody configured: it gets the default pooled processor and dead-letter queue.
 */
class DeadLetterIT extends ApiTestSupport {

    private static final String GROUP = "test-dead-letters";

    @Autowired
    FlakyProjection projection;

    @Test
    void a_failing_account_is_parked_and_the_others_are_projected_until_a_retry_succeeds() {
        String broken = newId("acct-broken");
        projection.failFor(broken);
        accountWithViolation(broken, "FREE");
        String before = newId("acct");
        String after = newId("acct");
        accountWithViolation(before, "FREE");
        accountWithViolation(after, "PRO");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(projection.seen(before)).containsExactly("AccountRegisteredEvent", "ViolationRecordedEvent");
            assertThat(projection.seen(after)).containsExactly("AccountRegisteredEvent", "ViolationRecordedEvent");
            assertThat(deadLetters().get("totalItems").asLong()).isEqualTo(2);
        });
        assertThat(projection.seen(broken)).isEmpty();
        JsonNode letters = deadLetters().get("items");
        assertThat(letters.get(0).get("processor").asString()).isEqualTo(GROUP);
        assertThat(letters.get(0).get("sequenceId").asString()).as("parked per aggregate").isEqualTo(broken);
        assertThat(letters.get(0).get("aggregateId").asString()).isEqualTo(broken);
        assertThat(letters.get(0).get("eventType").asString()).isEqualTo("AccountRegisteredEvent");
        assertThat(letters.get(0).get("cause").asString()).contains("marked to fail");
        assertThat(letters.get(0).get("eventId").asString()).isNotBlank();
        assertThat(letters.get(0).get("enqueuedAt").asString()).isNotBlank();
        assertThat(letters.get(1).get("eventType").asString()).as("the later event waits behind the first")
                .isEqualTo("ViolationRecordedEvent");
        JsonNode processor = Processors.one(erin, GROUP);
        assertThat(processor.get("type").asString()).isEqualTo("pooled-streaming");
        assertThat(processor.get("segments").get("total").asLong()).as("warden.processors.segments of the tests").isEqualTo(2);
        assertThat(processor.get("deadLetters").asLong()).isEqualTo(2);

        ApiClient.Response stillBroken = erin.post("/api/v1/admin/dead-letters/" + GROUP + "/retry", Map.of());
        assertThat(stillBroken.status()).as(stillBroken.toString()).isEqualTo(200);
        assertThat(stillBroken.number("succeeded")).isZero();
        assertThat(stillBroken.number("stillParked")).isEqualTo(1);

        projection.heal();
        ApiClient.Response retried = erin.post("/api/v1/admin/dead-letters/" + GROUP + "/retry", Map.of());

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.number("attempted")).isEqualTo(1);
        assertThat(retried.number("succeeded")).isEqualTo(1);
        assertThat(retried.number("stillParked")).isZero();
        assertThat(projection.seen(broken)).containsExactly("AccountRegisteredEvent", "ViolationRecordedEvent");
        assertThat(deadLetters().get("totalItems").asLong()).isZero();
    }

    @Test
    void dead_letters_of_an_unknown_processor_are_404_and_the_feed_has_none_to_retry() {
        assertProblem(erin.get("/api/v1/admin/dead-letters?processor=nope"), 404);
        assertProblem(erin.post("/api/v1/admin/dead-letters/nope/retry", Map.of()), 404);
        assertProblem(erin.post("/api/v1/admin/dead-letters/enforcement-feed/retry", Map.of()), 409);
        assertProblem(erin.get("/api/v1/admin/dead-letters?size=501"), 400);
    }

    private JsonNode deadLetters() {
        ApiClient.Response response = erin.get("/api/v1/admin/dead-letters?processor=" + GROUP);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @TestConfiguration
    static class FlakyProjectionConfiguration {
        @Bean
        FlakyProjection flakyProjection() {
            return new FlakyProjection();
        }
    }

    /** Remembers which events it handled per account; throws for the account it is told to fail for. */
    @ProcessingGroup(GROUP)
    static class FlakyProjection {
        private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
        private volatile String failing;

        void failFor(String accountId) {
            failing = accountId;
        }

        void heal() {
            failing = null;
        }

        List<String> seen(String accountId) {
            return seen.getOrDefault(accountId, List.of());
        }

        @EventHandler
        void on(AccountRegisteredEvent event) {
            handle(event.accountId(), "AccountRegisteredEvent");
        }

        @EventHandler
        void on(ViolationRecordedEvent event) {
            handle(event.accountId(), "ViolationRecordedEvent");
        }

        private void handle(String accountId, String type) {
            if (accountId.equals(failing)) {
                throw new IllegalStateException("account " + accountId + " is marked to fail");
            }
            List<String> events = seen.computeIfAbsent(accountId, a -> new CopyOnWriteArrayList<>());
            if (!events.contains(type)) {
                events.add(type);
            }
        }
    }
}
