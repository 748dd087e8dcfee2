package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /violations/{id}} with the actions citing it, and {@code GET /violations?unactioned=true}. */
class ViolationViewsIT extends ViewsTestSupport {

    @Test
    void a_violation_lists_the_actions_that_cite_it_with_their_state() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        alice.post("/api/v1/accounts/" + id + "/flag", citing("odd", List.of(v)));
        String restrictionId = restrict(id, List.of(v));
        ApiClient.Response lifted = alice.post("/api/v1/accounts/" + id + "/restrictions/" + restrictionId + "/lift",
                Map.of("reason", "calmed down"));

        ApiClient.Response view = carol.get("/api/v1/violations/" + v + "?minVersion=" + version(lifted));

        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        JsonNode json = view.json();
        assertThat(json.get("violationId").asString()).isEqualTo(v);
        assertThat(json.get("accountId").asString()).isEqualTo(id);
        assertThat(json.get("category").asString()).isEqualTo("USAGE_POLICY");
        assertThat(json.get("policy").asString()).isEqualTo("DISTILLATION");
        assertThat(json.get("severity").asString()).isEqualTo("HIGH");
        assertThat(json.get("evidence").get("detector").asString()).isEqualTo("distill-watch");
        assertThat(json.get("evidence").get("interactionCount").asLong()).isEqualTo(40_000);
        assertThat(json.get("actioned").asBoolean()).isTrue();
        assertThat(json.get("version").asLong()).isEqualTo(version(lifted));
        JsonNode actions = json.get("actions");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).get("kind").asString()).isEqualTo("FLAG");
        assertThat(actions.get(0).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(actions.get(1).get("actionId").asString()).isEqualTo(restrictionId);
        assertThat(actions.get(1).get("kind").asString()).isEqualTo("RESTRICT");
        assertThat(actions.get(1).get("state").asString()).isEqualTo("LIFTED");
        assertThat(actions.get(1).get("imposedBy").asString()).isEqualTo("alice");
    }

    @Test
    void a_ban_cites_its_violations_only_once_approved() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign", List.of(v)));

        JsonNode whileProposed = carol.get("/api/v1/violations/" + v + "?minVersion=" + version(proposed)).json();
        ApiClient.Response approved = bob.post("/api/v1/approvals/" + proposed.text("actionId") + "/approve", Map.of("comment", "ok"));
        JsonNode afterApproval = carol.get("/api/v1/violations/" + v + "?minVersion=" + version(approved)).json();

        assertThat(whileProposed.get("actions")).isEmpty();
        assertThat(whileProposed.get("actioned").asBoolean()).isFalse();
        assertThat(afterApproval.get("actioned").asBoolean()).isTrue();
        JsonNode ban = afterApproval.get("actions").get(0);
        assertThat(ban.get("kind").asString()).isEqualTo("BAN");
        assertThat(ban.get("imposedBy").asString()).isEqualTo("alice");
        assertThat(ban.get("approvedBy").asString()).isEqualTo("bob");
        assertThat(ban.get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void unactioned_lists_what_no_restriction_suspension_or_ban_cites() {
        String policy = "TEST_" + newId("policy").replace('-', '_').toUpperCase();
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        String flaggedOnly = record(id, policy);
        String restricted = record(id, policy);
        String rejectedBan = record(id, policy);
        String citedThroughCaseOnly = record(id, policy);
        String exportControl = recordExportControl(id, policy);
        alice.post("/api/v1/accounts/" + id + "/flag", citing("odd", List.of(flaggedOnly)));
        restrict(id, List.of(restricted));
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign", List.of(rejectedBan)));
        ApiClient.Response rejected = bob.post("/api/v1/approvals/" + proposed.text("actionId") + "/reject", Map.of("comment", "weak"));
        String caseId = alice.post("/api/v1/cases", Map.of("title", "t", "category", "MIXED", "severity", "LOW",
                "summary", "s", "accountIds", List.of(id))).text("caseId");
        ApiClient.Response byCase = alice.post("/api/v1/accounts/" + id + "/restrictions",
                Map.of("kind", "MODEL_ACCESS", "reason", "campaign", "caseId", caseId));
        assertThat(byCase.status()).as(byCase.toString()).isEqualTo(201);
        assertThat(carol.get("/api/v1/violations/" + flaggedOnly + "?minVersion=" + version(byCase)).status()).isEqualTo(200);
        assertThat(version(byCase)).isGreaterThan(version(rejected));
        String base = "/api/v1/violations?policy=" + policy;

        ApiClient.Response unactioned = carol.get(base + "&unactioned=true");
        ApiClient.Response actioned = carol.get(base + "&unactioned=false");
        ApiClient.Response usage = carol.get(base + "&unactioned=true&category=USAGE_POLICY");
        ApiClient.Response all = carol.get(base);
        ApiClient.Response paged = carol.get(base + "&unactioned=true&size=2&page=1");

        assertThat(ids(unactioned)).containsExactlyInAnyOrder(flaggedOnly, rejectedBan, citedThroughCaseOnly, exportControl);
        assertThat(ids(actioned)).containsExactly(restricted);
        assertThat(ids(usage)).containsExactlyInAnyOrder(flaggedOnly, rejectedBan, citedThroughCaseOnly);
        assertThat(all.number("totalItems")).isEqualTo(5);
        assertThat(paged.number("totalItems")).isEqualTo(4);
        assertThat(ids(paged)).hasSize(2);
        assertThat(unactioned.json().get("items").get(0).get("actioned").asBoolean()).isFalse();
    }

    @Test
    void bad_parameters_are_400_unknown_violations_404_and_detectors_403() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");

        for (String query : List.of("unactioned=maybe", "category=SPAM", "page=-1", "size=501")) {
            ApiClient.Response response = carol.get("/api/v1/violations?" + query);
            assertProblem(response, 400);
            assertThat(response.json().get("errors")).as(query).isNotEmpty();
        }
        assertProblem(carol.get("/api/v1/violations/" + v + "?minVersion=-2"), 400);
        assertProblem(carol.get("/api/v1/violations/" + newId("v")), 404);
        assertProblem(dave.get("/api/v1/violations/" + v), 403);
        assertProblem(dave.get("/api/v1/violations?unactioned=true"), 403);
        for (ApiClient reader : List.of(alice, bob, carol, erin)) {
            assertThat(reader.get("/api/v1/violations?unactioned=true").status()).isEqualTo(200);
        }
    }

    @Test
    void min_version_waits_for_the_account_version_and_one_never_reached_is_503() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        ApiClient.Response flagged = alice.post("/api/v1/accounts/" + id + "/flag", citing("odd", List.of(v)));

        ApiClient.Response caughtUp = carol.get("/api/v1/violations/" + v + "?minVersion=" + version(flagged));
        ApiClient.Response never = carol.get("/api/v1/violations/" + v + "?minVersion=" + (version(flagged) + 50));

        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.json().get("actions")).hasSize(1);
        assertProblem(never, 503);
        assertThat(never.header("Retry-After")).isNotBlank();
    }

    private String record(String accountId, String policy) {
        String v = newId("v");
        Map<String, Object> body = violation(v);
        body.put("policy", policy);
        ApiClient.Response r = dave.post("/api/v1/accounts/" + accountId + "/violations", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return v;
    }

    private String recordExportControl(String accountId, String policy) {
        String v = newId("v");
        Map<String, Object> body = violation(v);
        body.put("policy", policy);
        body.put("category", "EXPORT_CONTROL");
        ApiClient.Response r = dave.post("/api/v1/accounts/" + accountId + "/violations", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return v;
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("violationId").asString()));
        return ids;
    }
}
