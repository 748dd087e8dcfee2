package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CaseCommandsIT extends ApiTestSupport {

    private Map<String, Object> openCase(List<String> accountIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Proxy-network distillation campaign");
        body.put("category", "MIXED");
        body.put("severity", "CRITICAL");
        body.put("summary", "Accounts rotating through residential proxies, near-identical prompts");
        if (accountIds != null) {
            body.put("accountIds", accountIds);
        }
        return body;
    }

    private String registered(String prefix) {
        String id = newId(prefix);
        assertThat(alice.post("/api/v1/accounts", account(id, "FREE")).status()).isEqualTo(201);
        return id;
    }

    @Test
    void opening_a_case_answers_201_with_a_server_made_id_and_links_the_given_accounts() {
        String a = registered("acct");
        String b = registered("acct");

        ApiClient.Response opened = alice.post("/api/v1/cases", openCase(List.of(a, b)));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.text("caseId");
        assertThat(caseId).matches("[0-9a-f-]{36}");
        assertThat(opened.header("Location")).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(opened.number("version")).isEqualTo(1);
        assertThat(storedEventTypes(caseId)).containsExactly("CaseOpenedEvent", "AccountsLinkedToCaseEvent");
    }

    @Test
    void linking_is_idempotent_and_only_new_accounts_are_recorded() {
        String a = registered("acct");
        String b = registered("acct");
        String caseId = alice.post("/api/v1/cases", openCase(List.of(a))).text("caseId");

        ApiClient.Response linked = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", List.of(a, b)));
        ApiClient.Response again = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", List.of(a, b)));

        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.number("version")).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.number("version")).isEqualTo(2);
        assertThat(storedEvents(caseId)).isEqualTo(3);
    }

    @Test
    void linking_a_campaign_of_a_thousand_accounts_in_one_call_works() {
        List<String> ids = new ArrayList<>();
        String prefix = newId("camp");
        IntStream.range(0, 1000).forEach(i -> ids.add(prefix + "-" + i));
        ids.parallelStream().forEach(id -> assertThat(alice.post("/api/v1/accounts", account(id, "FREE")).status()).isEqualTo(201));
        String caseId = alice.post("/api/v1/cases", openCase(null)).text("caseId");

        ApiClient.Response linked = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", ids));

        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(storedEvents(caseId)).isEqualTo(2);
        ApiClient.Response restrictLast = alice.post("/api/v1/accounts/" + ids.get(999) + "/restrictions",
                Map.of("kind", "MODEL_ACCESS", "reason", "campaign member", "caseId", caseId));
        assertThat(restrictLast.status()).as(restrictLast.toString()).isEqualTo(201);
    }

    @Test
    void linking_unknown_accounts_is_422_and_links_nothing() {
        String a = registered("acct");
        String caseId = alice.post("/api/v1/cases", openCase(null)).text("caseId");

        ApiClient.Response response = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", List.of(a, "ghost-1")));

        assertProblem(response, 422);
        assertThat(response.text("detail")).contains("ghost-1");
        assertThat(storedEvents(caseId)).isEqualTo(1);
    }

    @Test
    void linking_more_than_ten_thousand_accounts_in_one_call_is_400() {
        String caseId = alice.post("/api/v1/cases", openCase(null)).text("caseId");
        List<String> ids = IntStream.range(0, 10_001).mapToObj(i -> "a" + i).toList();

        assertProblem(alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", ids)), 400);
    }

    @Test
    void escalation_goes_up_only() {
        String caseId = alice.post("/api/v1/cases", openCase(null)).text("caseId");

        ApiClient.Response up = alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T3_LEGAL", "reason", "export control angle"));
        ApiClient.Response same = alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T3_LEGAL", "reason", "again"));
        ApiClient.Response down = alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T2_INVESTIGATION", "reason", "oops"));

        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertProblem(same, 409);
        assertProblem(down, 409);
        assertThat(down.text("detail")).contains("T3_LEGAL");
    }

    @Test
    void assignment_and_notes_are_recorded_with_their_author() {
        String caseId = alice.post("/api/v1/cases", openCase(null)).text("caseId");

        ApiClient.Response assigned = alice.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assignee", "bob"));
        ApiClient.Response noted = alice.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Proxy ASN overlaps with case 12"));

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(noted.status()).as(noted.toString()).isEqualTo(201);
        assertThat(storedEventTypes(caseId)).containsExactly("CaseOpenedEvent", "CaseAssignedEvent", "CaseNoteAddedEvent");
        assertThat(lastMetaData(caseId)).contains("\"actor\":\"alice\"");
    }

    @Test
    void a_resolved_case_refuses_further_changes() {
        String a = registered("acct");
        String caseId = alice.post("/api/v1/cases", openCase(null)).text("caseId");

        ApiClient.Response resolved = alice.post("/api/v1/cases/" + caseId + "/resolution", Map.of("outcome", "NO_ACTION_NEEDED", "summary", "benign"));
        ApiClient.Response resolvedAgain = alice.post("/api/v1/cases/" + caseId + "/resolution", Map.of("outcome", "NO_ACTION_NEEDED", "summary", "again"));
        ApiClient.Response link = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", List.of(a)));

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertProblem(resolvedAgain, 409);
        assertProblem(link, 409);
    }

    @Test
    void an_account_may_be_restricted_citing_a_case_it_is_linked_to_but_not_another() {
        String a = registered("acct");
        String linkedCase = alice.post("/api/v1/cases", openCase(List.of(a))).text("caseId");
        String otherCase = alice.post("/api/v1/cases", openCase(null)).text("caseId");

        ApiClient.Response viaLinked = alice.post("/api/v1/accounts/" + a + "/restrictions",
                Map.of("kind", "REGION_BLOCK", "reason", "campaign member", "caseId", linkedCase));
        ApiClient.Response viaOther = alice.post("/api/v1/accounts/" + a + "/suspension",
                Map.of("reason", "campaign member", "caseId", otherCase));
        ApiClient.Response suspended = alice.post("/api/v1/accounts/" + a + "/suspension",
                Map.of("reason", "campaign member", "caseId", linkedCase));

        assertThat(viaLinked.status()).as(viaLinked.toString()).isEqualTo(201);
        assertProblem(viaOther, 409);
        assertThat(viaOther.text("detail")).contains(otherCase);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    }

    @Test
    void commands_on_an_unknown_case_are_404() {
        assertProblem(alice.post("/api/v1/cases/" + java.util.UUID.randomUUID() + "/notes", Map.of("text", "hello")), 404);
    }

    @Test
    void an_invalid_case_is_400_with_field_errors() {
        ApiClient.Response response = alice.post("/api/v1/cases", Map.of("title", "", "category", "USAGE_POLICY"));

        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("title", "severity", "summary");
    }
}
