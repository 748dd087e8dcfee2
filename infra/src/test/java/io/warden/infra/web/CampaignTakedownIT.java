package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign takedown through the API: 500 accounts linked to a case, a suspension requested by alice, pending
 * until bob approves it, then every account suspended (or skipped, with the reason on its own trail).
 */
class CampaignTakedownIT extends ViewsTestSupport {

    private static final int ACCOUNTS = 500;

    @Test
    void a_takedown_of_500_accounts_waits_for_a_second_person_then_suspends_every_account() {
        String prefix = newId("td");
        List<String> ids = IntStream.range(0, ACCOUNTS).mapToObj(i -> String.format("%s-%03d", prefix, i)).toList();
        for (int i = 0; i < ids.size(); i++) {
            ApiClient.Response registered = alice.post("/api/v1/accounts", account(ids.get(i), i == 7 ? "ENTERPRISE" : "PRO"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        String caseId = openCaseWith(ids);
        List<String> preBanned = List.of(ids.get(3), ids.get(250), ids.get(499));
        for (String id : preBanned) {
            banCitingCase(id, caseId);
        }

        ApiClient.Response requested = alice.post("/api/v1/cases/" + caseId + "/enforcement",
                Map.of("action", "SUSPEND", "reason", "coordinated distillation campaign"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(requested.number("total")).isEqualTo(ACCOUNTS);
        String enforcementId = requested.text("enforcementId");
        String path = "/api/v1/cases/" + caseId + "/enforcement/" + enforcementId;

        ApiClient.Response pending = carol.get(path + "?minVersion=" + requested.number("version"));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.number("done")).isZero();
        assertThat(storedEventTypes(ids.get(0))).doesNotContain("AccountSuspendedEvent");

        ApiClient.Response approved = bob.post("/api/v1/approvals/" + enforcementId + "/approve",
                Map.of("comment", "campaign confirmed"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("caseId")).isEqualTo(caseId);

        ApiClient.Response completed = awaitGet(carol, path, r -> r.status() == 200
                && "COMPLETED".equals(r.text("status")));
        assertThat(completed.number("done")).isEqualTo(ACCOUNTS - preBanned.size());
        assertThat(completed.number("skipped")).isEqualTo(preBanned.size());
        assertThat(completed.number("failed")).isZero();
        assertThat(completed.number("total")).isEqualTo(ACCOUNTS);
        assertThat(completed.text("requestedBy")).isEqualTo("alice");
        assertThat(completed.text("approvedBy")).isEqualTo("bob");
        assertThat(completed.text("completedAt")).isNotBlank();
        List<String> skippedAccounts = new ArrayList<>();
        for (JsonNode skip : completed.json().get("skippedReasons")) {
            skippedAccounts.add(skip.get("accountId").asString());
            assertThat(skip.get("reason").asString()).startsWith("already banned");
        }
        assertThat(skippedAccounts).containsExactlyInAnyOrderElementsOf(preBanned);

        awaitGet(carol, "/api/v1/accounts?caseId=" + caseId + "&status=SUSPENDED&size=1",
                r -> r.status() == 200 && r.number("totalItems") == ACCOUNTS - preBanned.size());
        ApiClient.Response banned = awaitGet(carol, "/api/v1/accounts?caseId=" + caseId + "&status=BANNED&size=1",
                r -> r.status() == 200);
        assertThat(banned.number("totalItems")).isEqualTo(preBanned.size());

        // the ENTERPRISE account is suspended directly, the takedown's approval standing for its four eyes
        List<String> enterpriseTrail = storedEventTypes(ids.get(7));
        assertThat(enterpriseTrail).contains("AccountSuspendedEvent").doesNotContain("EnforcementProposedEvent");
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%AccountSuspendedEvent'
                """, String.class, ids.get(7))).contains("\"approvedBy\":\"bob\"").contains(caseId);

        ApiClient.Response trail = awaitGet(carol, "/api/v1/accounts/" + preBanned.get(0) + "/audit",
                r -> r.status() == 200 && r.body().contains("CampaignActionSkippedEvent"));
        assertThat(trail.body()).contains("already banned");

        ApiClient.Response caseView = carol.get("/api/v1/cases/" + caseId + "?minVersion=" + completed.number("version"));
        assertThat(caseView.status()).as(caseView.toString()).isEqualTo(200);
        assertThat(caseView.text("status")).isEqualTo("OPEN");
    }

    @Test
    void the_requester_cannot_approve_their_own_takedown_and_a_rejected_one_touches_nothing() {
        String prefix = newId("rj");
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> prefix + "-" + i).toList();
        ids.forEach(id -> assertThat(alice.post("/api/v1/accounts", account(id, "FREE")).status()).isEqualTo(201));
        String caseId = openCaseWith(ids);

        ApiClient.Response requested = bob.post("/api/v1/cases/" + caseId + "/enforcement",
                Map.of("action", "BAN", "reason", "campaign"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.text("status")).as("a ban takedown of any size needs approval").isEqualTo("PENDING_APPROVAL");
        String enforcementId = requested.text("enforcementId");

        ApiClient.Response selfApproval = bob.post("/api/v1/approvals/" + enforcementId + "/approve", Map.of("comment", "me"));
        assertProblem(selfApproval, 409);
        assertThat(selfApproval.text("detail")).contains("second person");

        ApiClient.Response another = alice.post("/api/v1/cases/" + caseId + "/enforcement",
                Map.of("action", "SUSPEND", "reason", "again"));
        assertProblem(another, 409);

        assertProblem(bob.post("/api/v1/approvals/" + enforcementId + "/reject", Map.of("comment", "mine")), 409);

        ApiClient.Response byAlice = openAndRequest(ids, "RESTRICT");
        String otherId = byAlice.text("enforcementId");
        ApiClient.Response rejection = bob.post("/api/v1/approvals/" + otherId + "/reject", Map.of("comment", "not yet"));
        assertThat(rejection.status()).as(rejection.toString()).isEqualTo(200);
        String otherCase = byAlice.text("caseId");
        ApiClient.Response view = awaitGet(carol, "/api/v1/cases/" + otherCase + "/enforcement/" + otherId,
                r -> r.status() == 200 && "REJECTED".equals(r.text("status")));
        assertThat(view.text("rejectedBy")).isEqualTo("bob");
        ids.forEach(id -> assertThat(storedEventTypes(id)).doesNotContain("AccountRestrictedEvent",
                "AccountBannedEvent", "CampaignActionSkippedEvent"));
    }

    @Test
    void an_unknown_takedown_is_404_and_a_flag_is_not_a_takedown_action() {
        String caseId = openCaseWith(List.of());
        assertProblem(carol.get("/api/v1/cases/" + caseId + "/enforcement/nope"), 404);
        assertProblem(alice.post("/api/v1/cases/" + caseId + "/enforcement", Map.of("action", "FLAG", "reason", "x")), 422);
        assertProblem(alice.post("/api/v1/cases/" + caseId + "/enforcement", Map.of("action", "SUSPEND", "reason", "x")), 409);
        assertProblem(carol.post("/api/v1/cases/" + caseId + "/enforcement", Map.of("action", "SUSPEND", "reason", "x")), 403);
    }

    private ApiClient.Response openAndRequest(List<String> ids, String action) {
        String caseId = openCaseWith(ids);
        List<String> more = IntStream.range(0, 101).mapToObj(i -> caseId + "-x" + i).toList();
        more.forEach(id -> assertThat(alice.post("/api/v1/accounts", account(id, "FREE")).status()).isEqualTo(201));
        assertThat(alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", more)).status()).isEqualTo(200);
        ApiClient.Response requested = alice.post("/api/v1/cases/" + caseId + "/enforcement",
                Map.of("action", action, "reason", "campaign"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.text("status")).isEqualTo("PENDING_APPROVAL");
        return requested;
    }

    private String openCaseWith(List<String> accountIds) {
        ApiClient.Response opened = alice.post("/api/v1/cases", Map.of("title", "Distillation ring",
                "category", "USAGE_POLICY", "severity", "CRITICAL", "summary", "three firms"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.text("caseId");
        if (!accountIds.isEmpty()) {
            ApiClient.Response linked = alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", accountIds));
            assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        }
        return caseId;
    }

    private void banCitingCase(String accountId, String caseId) {
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + accountId + "/ban",
                Map.of("reason", "ring leader", "caseId", caseId));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        ApiClient.Response approved = bob.post("/api/v1/approvals/" + proposed.text("actionId") + "/approve",
                Map.of("comment", "ok"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }
}
