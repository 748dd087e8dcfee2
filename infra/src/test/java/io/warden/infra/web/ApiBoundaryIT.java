package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every request meets before and after the domain: authentication, roles, errors, limits, metadata. */
@TestPropertySource(properties = "warden.http.max-request-size=64KB")
class ApiBoundaryIT extends ApiTestSupport {

    @Test
    void a_request_without_credentials_is_401_problem_with_a_basic_challenge() {
        ApiClient.Response response = anonymous.post("/api/v1/accounts", account(newId("acct"), "FREE"));

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void a_wrong_password_is_401_and_stores_nothing() {
        long before = storedEventsInTotal();

        assertProblem(anonymous.withCredentials("alice", "wrong").post("/api/v1/accounts", account(newId("acct"), "FREE")), 401);
        assertThat(storedEventsInTotal()).isEqualTo(before);
    }

    @Test
    void each_role_is_refused_what_it_may_not_do_with_403() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");

        assertProblem(carol.post("/api/v1/accounts", account(newId("acct"), "FREE")), 403);
        assertProblem(erin.post("/api/v1/accounts", account(newId("acct"), "FREE")), 403);
        assertProblem(dave.post("/api/v1/accounts/" + id + "/flag", Map.of("reason", "x")), 403);
        assertProblem(dave.post("/api/v1/accounts/" + id + "/suspension", citing("x", List.of(v))), 403);
        assertProblem(carol.post("/api/v1/cases", Map.of("title", "t", "category", "MIXED", "severity", "LOW", "summary", "s")), 403);
        assertProblem(dave.get("/api/v1/approvals"), 403);
        assertProblem(alice.get("/api/v1/admin/processors"), 403);
        assertThat(storedEvents(id)).isEqualTo(2);
    }

    @Test
    void paths_that_no_rule_names_are_denied() {
        assertProblem(erin.post("/api/v1/anything", Map.of()), 403);
        assertProblem(alice.get("/internal"), 403);
    }

    @Test
    void an_unknown_resource_and_a_wrong_method_are_problems_too() {
        assertProblem(alice.get("/api/v1/accounts/" + newId("ghost") + "/nothing-here"), 404);
        assertProblem(alice.get("/api/v1/accounts/" + newId("ghost") + "/flag"), 405);
    }

    @Test
    void an_unknown_approval_status_is_400() {
        assertProblem(bob.get("/api/v1/approvals?status=MAYBE"), 400);
        assertProblem(bob.get("/api/v1/approvals?size=501"), 400);
    }

    @Test
    void health_and_the_openapi_description_are_open() {
        ApiClient.Response health = anonymous.get("/actuator/health");
        ApiClient.Response docs = anonymous.get("/v3/api-docs");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/accounts/{accountId}/suspension")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/violations:batch")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/approvals/{actionId}/approve")).isTrue();
    }

    @Test
    void the_actor_comes_from_authentication_and_never_from_the_body() {
        String id = newId("acct");
        Map<String, Object> body = new java.util.LinkedHashMap<>(account(id, "FREE"));
        body.put("actor", "mallory");

        assertThat(alice.post("/api/v1/accounts", body).status()).isEqualTo(201);

        assertThat(lastMetaData(id)).contains("\"actor\":\"alice\"").doesNotContain("mallory");
        assertThat(lastMetaData(id)).contains("\"actorRoles\":\"ENFORCER\"");
    }

    @Test
    void the_correlation_id_is_echoed_and_stored_with_the_causing_commands_id() {
        String id = newId("acct");

        ApiClient.Response response = alice.header("X-Correlation-Id", "incident-4711").post("/api/v1/accounts", account(id, "FREE"));
        ApiClient.Response generated = alice.post("/api/v1/accounts", account(newId("acct"), "FREE"));

        assertThat(response.header("X-Correlation-Id")).isEqualTo("incident-4711");
        assertThat(generated.header("X-Correlation-Id")).isNotBlank();
        String metaData = lastMetaData(id);
        assertThat(metaData).contains("\"correlationId\":\"incident-4711\"");
        assertThat(ApiClient.JSON.readTree(metaData).get("causationId").asString()).isNotBlank();
    }

    @Test
    void a_body_over_the_limit_is_413_problem_and_stores_nothing() {
        long before = storedEventsInTotal();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<String, Object> item = violation(null);
            item.put("accountId", "acct-" + i);
            items.add(item);
        }

        ApiClient.Response response = dave.post("/api/v1/violations:batch", Map.of("violations", items));

        assertProblem(response, 413);
        assertThat(storedEventsInTotal()).isEqualTo(before);
    }

    @Test
    void an_unusable_idempotency_key_is_400() {
        ApiClient.Response response = alice.header("Idempotency-Key", "x".repeat(300)).post("/api/v1/accounts", account(newId("acct"), "FREE"));

        assertProblem(response, 400);
    }
}
