package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /cases/{id}} and {@code GET /cases}: the case read model through HTTP. */
class CaseViewsIT extends ViewsTestSupport {

    @Test
    void a_case_shows_its_tier_assignee_notes_resolution_and_linked_accounts() {
        String a = newId("acct");
        alice.post("/api/v1/accounts", account(a, "PRO"));
        ApiClient.Response opened = alice.post("/api/v1/cases", openCase("Proxy ring", "HIGH", List.of(a)));
        String caseId = opened.text("caseId");
        alice.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assignee", "grace"));
        alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T3_LEGAL", "reason", "export-control angle"));
        alice.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "gateway logs requested"));
        ApiClient.Response resolved = bob.post("/api/v1/cases/" + caseId + "/resolution",
                Map.of("outcome", "ACTION_TAKEN", "summary", "all accounts banned"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);

        ApiClient.Response view = carol.get("/api/v1/cases/" + caseId + "?minVersion=" + version(resolved));

        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        JsonNode json = view.json();
        assertThat(json.get("caseId").asString()).isEqualTo(caseId);
        assertThat(json.get("title").asString()).isEqualTo("Proxy ring");
        assertThat(json.get("category").asString()).isEqualTo("MIXED");
        assertThat(json.get("severity").asString()).isEqualTo("HIGH");
        assertThat(json.get("summary").asString()).isEqualTo("three firms, one proxy network");
        assertThat(json.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(json.get("tier").asString()).isEqualTo("T3_LEGAL");
        assertThat(json.get("assignee").asString()).isEqualTo("grace");
        assertThat(json.get("openedBy").asString()).isEqualTo("alice");
        assertThat(json.get("openedAt").asString()).isNotBlank();
        assertThat(json.get("version").asLong()).isEqualTo(version(resolved));
        assertThat(json.get("linkedAccountCount").asLong()).isEqualTo(1);
        assertThat(json.get("linkedAccountIds").get(0).asString()).isEqualTo(a);
        assertThat(json.get("notes").get(0).get("text").asString()).isEqualTo("gateway logs requested");
        assertThat(json.get("notes").get(0).get("author").asString()).isEqualTo("alice");
        assertThat(json.get("escalations").get(0).get("toTier").asString()).isEqualTo("T3_LEGAL");
        assertThat(json.get("resolution").get("outcome").asString()).isEqualTo("ACTION_TAKEN");
        assertThat(json.get("resolution").get("resolvedBy").asString()).isEqualTo("bob");
    }

    @Test
    void linked_account_ids_come_a_page_at_a_time_with_the_full_count() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(newId("acct"));
            alice.post("/api/v1/accounts", account(ids.get(i), "FREE"));
        }
        String caseId = alice.post("/api/v1/cases", openCase("Farm", "LOW", ids.subList(0, 7))).text("caseId");
        ApiClient.Response linked = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", ids));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        String path = "/api/v1/cases/" + caseId + "?minVersion=" + version(linked) + "&linkedSize=5";

        JsonNode first = carol.get(path).json();
        JsonNode last = carol.get(path + "&linkedPage=2").json();
        List<String> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            carol.get(path + "&linkedPage=" + page).json().get("linkedAccountIds").forEach(n -> all.add(n.asString()));
        }

        assertThat(first.get("linkedAccountCount").asLong()).isEqualTo(12);
        assertThat(first.get("linkedAccountIds")).hasSize(5);
        assertThat(first.get("linkedAccountsSize").asInt()).isEqualTo(5);
        assertThat(last.get("linkedAccountIds")).hasSize(2);
        assertThat(last.get("linkedAccountsPage").asInt()).isEqualTo(2);
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all.subList(0, 7)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 7));
    }

    @Test
    void the_list_combines_filters_and_pages() {
        String assignee = newId("analyst");
        List<String> caseIds = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = alice.post("/api/v1/cases", openCase("Case " + i, i == 0 ? "CRITICAL" : "LOW", null)).text("caseId");
            caseIds.add(caseId);
            versions.add(alice.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assignee", assignee)).number("version"));
        }
        ApiClient.Response escalated = alice.post("/api/v1/cases/" + caseIds.get(1) + "/escalation",
                Map.of("tier", "T2_INVESTIGATION", "reason", "more accounts"));
        versions.set(1, version(escalated));
        for (int i = 0; i < 3; i++) {
            assertThat(carol.get("/api/v1/cases/" + caseIds.get(i) + "?minVersion=" + versions.get(i)).status()).isEqualTo(200);
        }
        String mine = "/api/v1/cases?assignee=" + assignee;

        ApiClient.Response all = awaitGet(carol, mine, r -> r.status() == 200 && r.number("totalItems") == 3);
        ApiClient.Response critical = carol.get(mine + "&severity=CRITICAL&status=OPEN");
        ApiClient.Response t2 = carol.get(mine + "&tier=T2_INVESTIGATION");
        ApiClient.Response resolved = carol.get(mine + "&status=RESOLVED");
        ApiClient.Response page = carol.get(mine + "&size=2&page=1");

        assertThat(caseIds(all)).containsExactlyInAnyOrderElementsOf(caseIds);
        assertThat(caseIds(critical)).containsExactly(caseIds.get(0));
        assertThat(caseIds(t2)).containsExactly(caseIds.get(1));
        assertThat(resolved.number("totalItems")).isZero();
        assertThat(caseIds(page)).hasSize(1);
        assertThat(page.number("totalItems")).isEqualTo(3);
        assertThat(all.json().get("items").get(0).get("assignee").asString()).isEqualTo(assignee);
    }

    @Test
    void bad_parameters_are_400_unknown_cases_404_and_detectors_403() {
        String caseId = alice.post("/api/v1/cases", openCase("Case", "LOW", null)).text("caseId");

        for (String query : List.of("status=CLOSED", "tier=T9", "severity=HUGE", "page=-1", "size=501")) {
            ApiClient.Response response = carol.get("/api/v1/cases?" + query);
            assertProblem(response, 400);
            assertThat(response.json().get("errors")).as(query).isNotEmpty();
        }
        assertProblem(carol.get("/api/v1/cases/" + caseId + "?asOf=last-week"), 400);
        assertProblem(carol.get("/api/v1/cases/" + caseId + "?linkedSize=1001"), 400);
        assertProblem(carol.get("/api/v1/cases/" + caseId + "?linkedPage=-1"), 400);
        assertProblem(carol.get("/api/v1/cases/" + caseId + "?minVersion=0&asOf=2026-01-01T00:00:00Z"), 400);
        assertProblem(carol.get("/api/v1/cases/no-such-case"), 404);
        assertProblem(dave.get("/api/v1/cases/" + caseId), 403);
        assertProblem(dave.get("/api/v1/cases"), 403);
        for (ApiClient reader : List.of(alice, bob, carol, erin)) {
            assertThat(reader.get("/api/v1/cases?status=OPEN").status()).isEqualTo(200);
        }
    }

    @Test
    void min_version_waits_for_the_case_and_a_version_never_reached_is_503() {
        ApiClient.Response opened = alice.post("/api/v1/cases", openCase("Case", "MEDIUM", null));
        String caseId = opened.text("caseId");
        ApiClient.Response noted = alice.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "first look"));

        ApiClient.Response caughtUp = carol.get("/api/v1/cases/" + caseId + "?minVersion=" + version(noted));
        ApiClient.Response never = carol.get("/api/v1/cases/" + caseId + "?minVersion=" + (version(noted) + 100));

        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.json().get("notes")).hasSize(1);
        assertProblem(never, 503);
        assertThat(never.header("Retry-After")).isNotBlank();
    }

    static Map<String, Object> openCase(String title, String severity, List<String> accountIds) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", title);
        body.put("category", "MIXED");
        body.put("severity", severity);
        body.put("summary", "three firms, one proxy network");
        if (accountIds != null) {
            body.put("accountIds", accountIds);
        }
        return body;
    }

    private static List<String> caseIds(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("caseId").asString()));
        return ids;
    }
}
