package io.warden.infra.web;

import io.warden.infra.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared vocabulary of the HTTP integration tests: the demo users, request bodies and event-store probes. */
abstract class ApiTestSupport extends IntegrationTest {

    ApiClient anonymous;
    ApiClient alice;
    ApiClient bob;
    ApiClient carol;
    ApiClient dave;
    ApiClient erin;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.on(port);
        alice = anonymous.as("alice");
        bob = anonymous.as("bob");
        carol = anonymous.as("carol");
        dave = anonymous.as("dave");
        erin = anonymous.as("erin");
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> account(String accountId, String tier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("organization", "Lumen Analytics Ltd.");
        body.put("country", "SG");
        body.put("tier", tier);
        return body;
    }

    static Map<String, Object> violation(String violationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (violationId != null) {
            body.put("violationId", violationId);
        }
        body.put("category", "USAGE_POLICY");
        body.put("policy", "DISTILLATION");
        body.put("severity", "HIGH");
        body.put("detectedAt", "2026-02-23T09:15:00Z");
        body.put("evidence", Map.of("detector", "distill-watch", "summary", "40k near-identical prompts in 2 h",
                "confidence", 0.97, "interactionCount", 40_000));
        return body;
    }

    /** {@code count} batch items for one account, without violation ids (the server or the key makes them). */
    static List<Object> batchItems(String accountId, int count) {
        List<Object> items = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = violation(null);
            item.put("accountId", accountId);
            items.add(item);
        }
        return items;
    }

    static Map<String, Object> citing(String reason, List<String> violationIds) {
        return Map.of("reason", reason, "violationIds", violationIds);
    }

    /** Registers an account (as alice) and records one violation on it; answers the violation id. */
    String accountWithViolation(String accountId, String tier) {
        assertThat(alice.post("/api/v1/accounts", account(accountId, tier)).status()).isEqualTo(201);
        String violationId = newId("v");
        ApiClient.Response recorded = dave.post("/api/v1/accounts/" + accountId + "/violations", violation(violationId));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return violationId;
    }

    long storedEvents(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    long storedEventsInTotal() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    List<String> storedEventTypes(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, aggregateId).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    /** The metadata of the aggregate's last event, as JSON text. */
    String lastMetaData(String aggregateId) {
        return jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? order by sequence_number desc limit 1""", String.class, aggregateId);
    }

    static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as("content type of " + response).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("type")).isNotBlank();
    }
}
