package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /accounts/{id}} and {@code GET /accounts}: the account read model through HTTP. */
class AccountViewsIT extends ViewsTestSupport {

    @Test
    void an_account_shows_its_violations_and_the_actions_that_cite_them() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        alice.post("/api/v1/accounts/" + id + "/flag", citing("bursty prompts", List.of(v)));
        String restrictionId = restrict(id, List.of(v));
        long version = suspend(id, List.of(v));

        ApiClient.Response view = accountAt(id, version);

        JsonNode json = view.json();
        assertThat(json.get("accountId").asString()).isEqualTo(id);
        assertThat(json.get("organization").asString()).isEqualTo("Lumen Analytics Ltd.");
        assertThat(json.get("country").asString()).isEqualTo("SG");
        assertThat(json.get("tier").asString()).isEqualTo("PRO");
        assertThat(json.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(json.get("version").asLong()).isEqualTo(version);
        JsonNode violation = json.get("violations").get(0);
        assertThat(violation.get("violationId").asString()).isEqualTo(v);
        assertThat(violation.get("category").asString()).isEqualTo("USAGE_POLICY");
        assertThat(violation.get("policy").asString()).isEqualTo("DISTILLATION");
        assertThat(violation.get("severity").asString()).isEqualTo("HIGH");
        assertThat(violation.get("detectedAt").asString()).isEqualTo("2026-02-23T09:15:00Z");
        assertThat(violation.get("evidenceSummary").asString()).isEqualTo("40k near-identical prompts in 2 h");
        JsonNode actions = json.get("actions");
        assertThat(actions).hasSize(3);
        assertThat(kinds(actions)).containsExactly("FLAG", "RESTRICT", "SUSPEND");
        for (JsonNode action : actions) {
            assertThat(action.get("state").asString()).isEqualTo("ACTIVE");
            assertThat(action.get("imposedBy").asString()).isEqualTo("alice");
            assertThat(action.get("imposedAt").asString()).isNotBlank();
            assertThat(action.get("violationIds").get(0).asString()).isEqualTo(v);
        }
        assertThat(actions.get(1).get("actionId").asString()).isEqualTo(restrictionId);
        assertThat(actions.get(1).get("restrictionKind").asString()).isEqualTo("RATE_LIMIT");
        assertThat(json.get("cases")).isEmpty();
        assertThat(json.get("pendingApprovals")).isEmpty();
    }

    @Test
    void lifted_and_ended_actions_stay_in_the_view_with_their_state_and_the_status_follows_precedence() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String restrictionId = restrict(id, List.of(v));
        suspend(id, List.of(v));
        reinstate(id);
        ApiClient.Response lifted = alice.post("/api/v1/accounts/" + id + "/restrictions/" + restrictionId + "/lift",
                Map.of("reason", "calmed down"));
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);

        JsonNode json = accountAt(id, version(lifted)).json();

        assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
        JsonNode restriction = json.get("actions").get(0);
        assertThat(restriction.get("state").asString()).isEqualTo("LIFTED");
        assertThat(restriction.get("endReason").asString()).isEqualTo("calmed down");
        assertThat(restriction.get("endedBy").asString()).isEqualTo("alice");
        JsonNode suspension = json.get("actions").get(1);
        assertThat(suspension.get("kind").asString()).isEqualTo("SUSPEND");
        assertThat(suspension.get("state").asString()).isEqualTo("ENDED");
        assertThat(suspension.get("endedAt").asString()).isNotBlank();
    }

    @Test
    void a_proposal_awaits_approval_in_the_view_until_it_is_decided() {
        String id = newId("acct");
        String v = accountWithViolation(id, "ENTERPRISE");
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);

        JsonNode pending = accountAt(id, version(proposed)).json();
        ApiClient.Response approved = bob.post("/api/v1/approvals/" + proposed.text("actionId") + "/approve", Map.of("comment", "ok"));
        JsonNode decided = accountAt(id, version(approved)).json();

        assertThat(pending.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(pending.get("pendingApprovals")).hasSize(1);
        JsonNode proposal = pending.get("pendingApprovals").get(0);
        assertThat(proposal.get("actionId").asString()).isEqualTo(proposed.text("actionId"));
        assertThat(proposal.get("kind").asString()).isEqualTo("SUSPEND");
        assertThat(proposal.get("proposedBy").asString()).isEqualTo("alice");
        assertThat(proposal.get("violationIds").get(0).asString()).isEqualTo(v);
        assertThat(proposal.get("expiresAt").asString()).isNotBlank();
        assertThat(decided.get("pendingApprovals")).isEmpty();
        assertThat(decided.get("status").asString()).isEqualTo("SUSPENDED");
        JsonNode suspension = decided.get("actions").get(0);
        assertThat(suspension.get("imposedBy").asString()).isEqualTo("alice");
        assertThat(suspension.get("approvedBy").asString()).isEqualTo("bob");
    }

    @Test
    void the_organization_id_is_shown_when_the_account_has_one() {
        String id = newId("acct");
        Map<String, Object> body = new java.util.LinkedHashMap<>(account(id, "PRO"));
        body.put("organizationId", "org-lumen");
        ApiClient.Response registered = alice.post("/api/v1/accounts", body);

        JsonNode json = accountAt(id, version(registered)).json();

        assertThat(json.get("organizationId").asString()).isEqualTo("org-lumen");
        assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void the_list_combines_filters_by_case_status_country_and_tier_and_pages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(newId("acct"));
            assertThat(alice.post("/api/v1/accounts", account(ids.get(i), i < 3 ? "PRO" : "FREE")).status()).isEqualTo(201);
        }
        String outsider = newId("acct");
        alice.post("/api/v1/accounts", account(outsider, "PRO"));
        String v = newId("v");
        dave.post("/api/v1/accounts/" + ids.get(0) + "/violations", violation(v));
        long flagged = alice.post("/api/v1/accounts/" + ids.get(0) + "/flag", citing("odd", List.of(v))).number("version");
        ApiClient.Response opened = alice.post("/api/v1/cases", Map.of("title", "Proxy ring", "category", "MIXED",
                "severity", "HIGH", "summary", "s", "accountIds", ids));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.text("caseId");
        accountAt(ids.get(0), flagged);
        String byCase = "/api/v1/accounts?caseId=" + caseId;

        ApiClient.Response all = awaitGet(carol, byCase, r -> r.status() == 200 && r.number("totalItems") == 5);
        ApiClient.Response pro = carol.get(byCase + "&tier=PRO&country=SG");
        ApiClient.Response flaggedPro = carol.get(byCase + "&tier=PRO&status=FLAGGED");
        ApiClient.Response elsewhere = carol.get(byCase + "&country=DE");
        ApiClient.Response page1 = carol.get(byCase + "&size=2&page=1");
        ApiClient.Response page3 = carol.get(byCase + "&size=2&page=2");

        assertThat(accountIds(all)).containsExactlyElementsOf(ids.stream().sorted().toList()).doesNotContain(outsider);
        assertThat(pro.number("totalItems")).isEqualTo(3);
        assertThat(accountIds(flaggedPro)).containsExactly(ids.get(0));
        assertThat(flaggedPro.json().get("items").get(0).get("violationCount").asInt()).isEqualTo(1);
        assertThat(flaggedPro.json().get("items").get(0).get("activeActions").asInt()).isEqualTo(1);
        assertThat(elsewhere.number("totalItems")).isZero();
        assertThat(accountIds(page1)).containsExactlyElementsOf(ids.stream().sorted().toList().subList(2, 4));
        assertThat(page1.number("page")).isEqualTo(1);
        assertThat(page1.number("size")).isEqualTo(2);
        assertThat(page1.number("totalItems")).isEqualTo(5);
        assertThat(accountIds(page3)).hasSize(1);
    }

    @Test
    void an_account_lists_the_cases_it_is_linked_to() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "PRO"));
        String caseId = alice.post("/api/v1/cases", Map.of("title", "Ring", "category", "USAGE_POLICY",
                "severity", "LOW", "summary", "s", "accountIds", List.of(id))).text("caseId");

        ApiClient.Response view = awaitGet(carol, "/api/v1/accounts/" + id, r -> r.status() == 200 && !r.json().get("cases").isEmpty());

        assertThat(view.json().get("cases").get(0).get("caseId").asString()).isEqualTo(caseId);
        assertThat(view.json().get("cases").get(0).get("linkedAt").asString()).isNotBlank();
    }

    @Test
    void a_bulk_intake_of_a_thousand_violations_on_one_account_reaches_every_view() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "PRO"));

        ApiClient.Response intake = dave.post("/api/v1/violations:batch", Map.of("violations", batchItems(id, 1_000)));

        assertThat(intake.status()).as(intake.toString()).isEqualTo(200);
        assertThat(intake.number("accepted")).isEqualTo(1_000);
        ApiClient.Response view = awaitGet(carol, "/api/v1/accounts/" + id,
                r -> r.status() == 200 && r.json().get("violations").size() == 1_000);
        assertThat(view.number("version")).isEqualTo(1_000);
        ApiClient.Response unactioned = awaitGet(carol, "/api/v1/violations?unactioned=true&accountId=" + id,
                r -> r.status() == 200 && r.number("totalItems") == 1_000);
        String someViolation = unactioned.json().get("items").get(0).get("violationId").asString();
        assertThat(carol.get("/api/v1/violations/" + someViolation + "?minVersion=1000").status()).isEqualTo(200);
    }

    @Test
    void bad_list_parameters_are_400_with_the_parameter_named() {
        for (String query : List.of("status=SLEEPING", "tier=GOLD", "country=sg", "country=XX", "page=-1", "size=0",
                "size=501")) {
            ApiClient.Response response = carol.get("/api/v1/accounts?" + query);
            assertProblem(response, 400);
            assertThat(response.json().get("errors")).as(query).isNotEmpty();
        }
        assertProblem(carol.get("/api/v1/accounts?page=abc"), 400);
    }

    @Test
    void bad_parameters_of_one_account_are_400() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "PRO"));

        assertProblem(carol.get("/api/v1/accounts/" + id + "?asOf=yesterday"), 400);
        assertProblem(carol.get("/api/v1/accounts/" + id + "?minVersion=-1"), 400);
        assertProblem(carol.get("/api/v1/accounts/" + id + "?minVersion=0&asOf=2026-01-01T00:00:00Z"), 400);
        assertProblem(carol.get("/api/v1/accounts/" + id + "?minVersion=x"), 400);
    }

    @Test
    void an_unknown_account_is_404() {
        assertProblem(carol.get("/api/v1/accounts/" + newId("nobody")), 404);
    }

    @Test
    void readers_may_read_and_a_detector_may_not() {
        String id = newId("acct");
        long version = alice.post("/api/v1/accounts", account(id, "PRO")).number("version");

        for (ApiClient reader : List.of(alice, bob, carol, erin)) {
            assertThat(reader.get("/api/v1/accounts/" + id + "?minVersion=" + version).status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/accounts").status()).isEqualTo(200);
        }
        assertProblem(dave.get("/api/v1/accounts/" + id), 403);
        assertProblem(dave.get("/api/v1/accounts"), 403);
        assertProblem(anonymous.get("/api/v1/accounts/" + id), 401);
    }

    @Test
    void min_version_waits_for_the_write_and_a_version_never_reached_is_503_with_retry_after() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        long version = alice.post("/api/v1/accounts/" + id + "/flag", citing("odd", List.of(v))).number("version");

        ApiClient.Response caughtUp = carol.get("/api/v1/accounts/" + id + "?minVersion=" + version);
        ApiClient.Response never = carol.get("/api/v1/accounts/" + id + "?minVersion=" + (version + 1000));
        ApiClient.Response unknown = carol.get("/api/v1/accounts/" + newId("nobody") + "?minVersion=0");

        assertThat(caughtUp.status()).isEqualTo(200);
        assertThat(caughtUp.number("version")).isGreaterThanOrEqualTo(version);
        assertThat(caughtUp.text("status")).isEqualTo("FLAGGED");
        assertProblem(never, 503);
        assertThat(never.header("Retry-After")).isNotBlank();
        assertProblem(unknown, 503);
    }

    private static List<String> accountIds(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("accountId").asString()));
        return ids;
    }

    private static List<String> kinds(JsonNode actions) {
        List<String> kinds = new ArrayList<>();
        actions.forEach(a -> kinds.add(a.get("kind").asString()));
        return kinds;
    }
}
