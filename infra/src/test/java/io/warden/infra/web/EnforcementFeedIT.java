package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /feed/enforcement}: decisions in force, in order, as JSON pages and as Server-Sent Events. */
@TestPropertySource(properties = "warden.feed.heartbeat=1s")
class EnforcementFeedIT extends ApiTestSupport {

    @Test
    void a_gateway_stream_receives_a_suspension_within_seconds_of_the_command() throws Exception {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        long start = lastPosition();

        try (SseClient stream = SseClient.open(port, "alice", "/api/v1/feed/enforcement?after=" + start, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            ApiClient.Response suspended = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

            SseClient.Event event = stream.next(Duration.ofSeconds(10));

            assertThat(event).as("a decision within 10 s").isNotNull();
            assertThat(event.name()).isEqualTo("enforcement");
            JsonNode decision = ApiClient.JSON.readTree(event.data());
            assertThat(decision.get("type").asString()).isEqualTo("SUSPENDED");
            assertThat(decision.get("accountId").asString()).isEqualTo(id);
            assertThat(decision.get("actionId").asString()).isEqualTo(suspended.text("actionId"));
            assertThat(decision.get("statusAfter").asString()).isEqualTo("SUSPENDED");
            assertThat(event.id()).isEqualTo(Long.toString(decision.get("position").asLong()));
            assertThat(decision.get("position").asLong()).isGreaterThan(start);
            assertThat(stream.nextComment(Duration.ofSeconds(10))).as("an idle stream gets heartbeats").isEqualTo("heartbeat");
        }
    }

    @Test
    void last_event_id_resumes_the_stream_after_that_position() throws Exception {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        alice.post("/api/v1/accounts/" + id + "/flag", citing("bursty prompts", List.of(v)));
        alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        List<JsonNode> mine = awaitDecisionsOf(id, 2);

        try (SseClient stream = SseClient.open(port, "carol", "/api/v1/feed/enforcement",
                Long.toString(mine.get(0).get("position").asLong()))) {
            SseClient.Event first = stream.next(Duration.ofSeconds(10));

            assertThat(first).isNotNull();
            assertThat(first.id()).isEqualTo(Long.toString(mine.get(1).get("position").asLong()));
            assertThat(ApiClient.JSON.readTree(first.data()).get("type").asString()).isEqualTo("SUSPENDED");
        }
    }

    @Test
    void after_pages_through_one_accounts_decisions_in_order_with_the_status_after_each() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        alice.post("/api/v1/accounts/" + id + "/flag", citing("bursty prompts", List.of(v)));
        Map<String, Object> restriction = new LinkedHashMap<>(citing("rate abuse", List.of(v)));
        restriction.put("kind", "RATE_LIMIT");
        restriction.put("expiresAt", "2031-01-01T00:00:00Z");
        String restrictionId = alice.post("/api/v1/accounts/" + id + "/restrictions", restriction).text("restrictionId");
        String suspension = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v))).text("actionId");
        alice.post("/api/v1/accounts/" + id + "/reinstatement", Map.of("reason", "cleared"));
        alice.post("/api/v1/accounts/" + id + "/restrictions/" + restrictionId + "/lift", Map.of("reason", "fixed"));
        alice.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "done"));

        List<JsonNode> mine = awaitDecisionsOf(id, 6);

        assertThat(mine).extracting(d -> d.get("type").asString()).containsExactly(
                "FLAGGED", "RESTRICTED", "SUSPENDED", "REINSTATED", "RESTRICTION_LIFTED", "UNFLAGGED");
        assertThat(mine).extracting(d -> d.get("statusAfter").asString()).containsExactly(
                "FLAGGED", "RESTRICTED", "SUSPENDED", "RESTRICTED", "FLAGGED", "ACTIVE");
        assertThat(mine).extracting(d -> d.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(mine).extracting(d -> d.get("globalIndex").asLong()).isSorted();
        assertThat(mine.get(1).get("actionId").asString()).isEqualTo(restrictionId);
        assertThat(mine.get(1).get("restrictionKind").asString()).isEqualTo("RATE_LIMIT");
        assertThat(mine.get(1).get("expiresAt").asString()).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(mine.get(3).get("kind").asString()).isEqualTo("SUSPEND");
        assertThat(mine.get(3).get("endedActionIds").get(0).asString()).isEqualTo(suspension);
        assertThat(mine.get(0).get("eventId").asString()).isNotBlank();
        assertThat(mine.get(0).get("occurredAt").asString()).isNotBlank();
    }

    @Test
    void the_feed_checks_its_parameters_and_roles() {
        assertThat(erin.get("/api/v1/feed/enforcement").status()).isEqualTo(200);
        assertThat(carol.get("/api/v1/feed/enforcement?limit=1000").status()).isEqualTo(200);
        assertProblem(alice.get("/api/v1/feed/enforcement?limit=1001"), 400);
        assertProblem(alice.get("/api/v1/feed/enforcement?limit=0"), 400);
        assertProblem(alice.get("/api/v1/feed/enforcement?after=-1"), 400);
        assertProblem(alice.get("/api/v1/feed/enforcement?after=abc"), 400);
        assertProblem(dave.get("/api/v1/feed/enforcement"), 403);
        assertThat(bob.header("Accept", "application/json").get("/api/v1/feed/enforcement").status()).isEqualTo(200);
        assertProblem(anonymous.get("/api/v1/feed/enforcement"), 401);
    }

    /** Pages through the whole feed with {@code after}, 2 at a time, until {@code count} entries of the account. */
    private List<JsonNode> awaitDecisionsOf(String accountId, int count) {
        List<JsonNode> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            mine.clear();
            long after = 0;
            while (true) {
                ApiClient.Response page = carol.get("/api/v1/feed/enforcement?after=" + after + "&limit=2");
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                JsonNode items = page.json().get("items");
                if (items.isEmpty()) {
                    assertThat(page.number("next")).isEqualTo(after);
                    break;
                }
                assertThat(items.size()).isLessThanOrEqualTo(2);
                for (JsonNode item : items) {
                    assertThat(item.get("position").asLong()).isGreaterThan(after);
                    if (item.get("accountId").asString().equals(accountId)) {
                        mine.add(item);
                    }
                }
                after = page.number("next");
            }
            assertThat(mine).hasSize(count);
        });
        return mine;
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("select coalesce(max(position), 0) from enforcement_feed", Long.class);
        return last == null ? 0 : last;
    }
}
