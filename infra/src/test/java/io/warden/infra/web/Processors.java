package io.warden.infra.web;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads {@code GET /admin/processors} as an operator would, and waits on it. */
final class Processors {

    private Processors() {
    }

    static JsonNode list(ApiClient admin) {
        ApiClient.Response response = admin.get("/api/v1/admin/processors");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items");
    }

    static JsonNode one(ApiClient admin, String name) {
        for (JsonNode processor : list(admin)) {
            if (processor.get("name").asString().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + list(admin));
    }

    /** The processors a replay may rebuild: streaming ones whose handlers allow it (a saga's do not). */
    static List<String> replayableNames(ApiClient admin) {
        List<String> names = new ArrayList<>();
        for (JsonNode processor : list(admin)) {
            if (processor.get("replayable").asBoolean()) {
                names.add(processor.get("name").asString());
            }
        }
        return names;
    }

    /** Every segment claimed, not replaying, no error, and at the head of the event store. */
    static boolean caughtUp(JsonNode processor) {
        if (processor.get("type").asString().equals("subscribing")) {
            return true;
        }
        JsonNode segments = processor.get("segments");
        return !processor.get("replaying").asBoolean()
                && !processor.get("error").asBoolean()
                && segments.get("total").asLong() > 0
                && segments.get("claimed").asLong() == segments.get("total").asLong()
                && processor.get("lag").asLong() == 0;
    }

    /** Waits (up to 60 s: the machine is shared) until every streaming processor has caught up. */
    static void awaitAllCaughtUp(ApiClient admin) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (JsonNode processor : list(admin)) {
                assertThat(caughtUp(processor)).as("caught up: " + processor).isTrue();
            }
        });
    }
}
