package io.warden.infra.web;

import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Vocabulary of the read-model tests: waiting for projections by polling, and the commands they read back. */
abstract class ViewsTestSupport extends ApiTestSupport {

    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /** GETs {@code path} as {@code client} until the answer satisfies {@code ready}; answers that response. */
    static ApiClient.Response awaitGet(ApiClient client, String path, Predicate<ApiClient.Response> ready) {
        ApiClient.Response[] last = new ApiClient.Response[1];
        eventually().until(() -> {
            last[0] = client.get(path);
            return ready.test(last[0]);
        });
        return last[0];
    }

    /** The account's view once it reflects {@code version}, through read-your-writes. */
    ApiClient.Response accountAt(String accountId, long version) {
        ApiClient.Response response = carol.get("/api/v1/accounts/" + accountId + "?minVersion=" + version);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    long suspend(String accountId, List<String> violationIds) {
        ApiClient.Response r = alice.post("/api/v1/accounts/" + accountId + "/suspension", citing("distillation", violationIds));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.number("version");
    }

    long reinstate(String accountId) {
        ApiClient.Response r = alice.post("/api/v1/accounts/" + accountId + "/reinstatement", Map.of("reason", "cleared"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.number("version");
    }

    String restrict(String accountId, List<String> violationIds) {
        ApiClient.Response r = alice.post("/api/v1/accounts/" + accountId + "/restrictions",
                Map.of("kind", "RATE_LIMIT", "reason", "bursty", "violationIds", violationIds));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("restrictionId");
    }

    /** Proposes a ban (alice) and has bob approve it; answers the ban's action id. */
    String ban(String accountId, List<String> violationIds) {
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + accountId + "/ban", citing("campaign member", violationIds));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        String actionId = proposed.text("actionId");
        ApiClient.Response approved = bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "clear"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return actionId;
    }

    long version(ApiClient.Response response) {
        return response.number("version");
    }
}
