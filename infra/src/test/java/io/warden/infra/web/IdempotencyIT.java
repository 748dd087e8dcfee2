package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIT extends ApiTestSupport {

    @Test
    void a_retry_with_the_same_key_and_body_returns_the_first_answer_and_appends_nothing() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        ApiClient keyed = dave.header("Idempotency-Key", newId("key"));

        ApiClient.Response first = keyed.post("/api/v1/accounts/" + id + "/violations", violation(null));
        ApiClient.Response retry = keyed.post("/api/v1/accounts/" + id + "/violations", violation(null));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(storedEvents(id)).isEqualTo(2);
    }

    @Test
    void a_retried_registration_answers_201_again_not_200() {
        String id = newId("acct");
        ApiClient keyed = alice.header("Idempotency-Key", newId("key"));

        ApiClient.Response first = keyed.post("/api/v1/accounts", account(id, "PRO"));
        ApiClient.Response retry = keyed.post("/api/v1/accounts", account(id, "PRO"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_422_and_appends_nothing() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        ApiClient keyed = dave.header("Idempotency-Key", newId("key"));
        keyed.post("/api/v1/accounts/" + id + "/violations", violation(newId("v")));

        ApiClient.Response other = keyed.post("/api/v1/accounts/" + id + "/violations", violation(newId("v")));

        assertProblem(other, 422);
        assertThat(storedEvents(id)).isEqualTo(2);
    }

    @Test
    void the_same_key_on_another_path_is_422() {
        String a = newId("acct");
        String b = newId("acct");
        alice.post("/api/v1/accounts", account(a, "FREE"));
        alice.post("/api/v1/accounts", account(b, "FREE"));
        ApiClient keyed = dave.header("Idempotency-Key", newId("key"));
        Map<String, Object> same = violation("shared-id-" + a);

        keyed.post("/api/v1/accounts/" + a + "/violations", same);

        assertProblem(keyed.post("/api/v1/accounts/" + b + "/violations", same), 422);
        assertThat(storedEvents(b)).isEqualTo(1);
    }

    @Test
    void a_refused_command_is_not_remembered_and_a_retry_is_refused_the_same_way() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        ApiClient keyed = alice.header("Idempotency-Key", newId("key"));

        ApiClient.Response first = keyed.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "not flagged"));
        ApiClient.Response retry = keyed.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "not flagged"));

        assertProblem(first, 409);
        assertProblem(retry, 409);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void concurrent_requests_with_the_same_key_append_once() throws Exception {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        ApiClient keyed = dave.header("Idempotency-Key", newId("key"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> keyed.post("/api/v1/accounts/" + id + "/violations", violation(null)));
            }
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }

            assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
            assertThat(responses).extracting(r -> r.text("violationId")).containsOnly(responses.get(0).text("violationId"));
            assertThat(storedEvents(id)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_retried_batch_returns_the_first_answer_and_records_each_violation_once() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        List<Object> items = batchItems(id, 5);
        ApiClient keyed = dave.header("Idempotency-Key", newId("key"));

        ApiClient.Response first = keyed.post("/api/v1/violations:batch", Map.of("violations", items));
        ApiClient.Response retry = keyed.post("/api/v1/violations:batch", Map.of("violations", items));
        ApiClient.Response otherBody = keyed.post("/api/v1/violations:batch", Map.of("violations", items.subList(0, 2)));

        assertThat(first.json().get("accepted").asInt()).isEqualTo(5);
        assertThat(retry.json()).isEqualTo(first.json());
        assertProblem(otherBody, 422);
        assertThat(storedEvents(id)).isEqualTo(6);
    }

    @Test
    void a_batch_whose_answer_was_lost_is_retried_without_recording_anything_twice() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        List<Object> items = batchItems(id, 5);
        String key = newId("key");
        ApiClient keyed = dave.header("Idempotency-Key", key);
        keyed.post("/api/v1/violations:batch", Map.of("violations", items));
        jdbc.update("delete from idempotency_keys where idempotency_key = ?", key);

        ApiClient.Response retry = keyed.post("/api/v1/violations:batch", Map.of("violations", items));

        assertThat(retry.json().get("accepted").asInt()).isZero();
        assertThat(retry.json().get("duplicates").asInt()).isEqualTo(5);
        assertThat(storedEvents(id)).isEqualTo(6);
    }
}
