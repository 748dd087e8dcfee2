package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Four-eyes: bans always, ENTERPRISE suspensions, decided by an APPROVER other than the proposer. */
@TestPropertySource(properties = "warden.approvals.expire-after=4s")
class ApprovalsIT extends ApiTestSupport {

    @Test
    void a_ban_is_proposed_with_202_and_changes_nothing_until_approved() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");

        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v)));

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        assertThat(proposed.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(proposed.text("actionId")).isNotBlank();
        assertThat(storedEventTypes(id)).last().isEqualTo("EnforcementProposedEvent");
        assertThat(storedEventTypes(id)).doesNotContain("AccountBannedEvent");
    }

    @Test
    void a_second_person_approves_the_ban_and_the_account_is_banned() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String actionId = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v))).text("actionId");

        ApiClient.Response approved = bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "evidence is clear"));
        ApiClient.Response approvedAgain = bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "again"));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("accountStatus")).isEqualTo("BANNED");
        assertThat(approved.text("accountId")).isEqualTo(id);
        assertProblem(approvedAgain, 409);
        assertThat(storedEventTypes(id)).endsWith("EnforcementApprovedEvent", "AccountBannedEvent");
        assertThat(lastMetaData(id)).contains("\"actor\":\"bob\"");
    }

    @Test
    void the_proposer_cannot_approve_their_own_ban() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String actionId = bob.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v))).text("actionId");
        long before = storedEvents(id);

        ApiClient.Response selfApproval = bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "trust me"));

        assertProblem(selfApproval, 409);
        assertThat(selfApproval.text("detail")).contains("second person");
        assertThat(storedEvents(id)).isEqualTo(before);
    }

    @Test
    void an_enforcer_without_the_approver_role_cannot_decide() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String actionId = bob.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v))).text("actionId");

        assertProblem(alice.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "ok")), 403);
        assertProblem(alice.get("/api/v1/approvals?status=PENDING"), 403);
    }

    @Test
    void a_rejected_ban_leaves_the_account_as_it_was() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String actionId = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v))).text("actionId");

        ApiClient.Response rejected = bob.post("/api/v1/approvals/" + actionId + "/reject", Map.of("comment", "weak evidence"));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("accountStatus")).isEqualTo("ACTIVE");
        assertProblem(bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "changed my mind")), 409);
    }

    @Test
    void an_enterprise_suspension_needs_approval_and_applies_when_approved() {
        String id = newId("ent");
        String v = accountWithViolation(id, "ENTERPRISE");

        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        ApiClient.Response approved = bob.post("/api/v1/approvals/" + proposed.text("actionId") + "/approve", Map.of("comment", "ok"));

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        assertThat(proposed.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(approved.text("accountStatus")).isEqualTo("SUSPENDED");
        assertThat(storedEventTypes(id)).endsWith("EnforcementApprovedEvent", "AccountSuspendedEvent");
    }

    @Test
    void pending_proposals_are_listed_for_approvers() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String actionId = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v))).text("actionId");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiClient.Response list = bob.get("/api/v1/approvals?status=PENDING&size=500");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.json().get("items").findValuesAsString("actionId")).contains(actionId);
        });
        ApiClient.Response list = bob.get("/api/v1/approvals?status=PENDING&size=500");
        assertThat(list.json().get("page").asInt()).isZero();
        assertThat(list.json().get("size").asInt()).isEqualTo(500);
        assertThat(list.json().get("totalItems").asLong()).isPositive();
    }

    @Test
    void an_expired_proposal_cannot_be_approved() throws InterruptedException {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        String actionId = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v))).text("actionId");

        Thread.sleep(4_500);
        ApiClient.Response late = bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "sorry, was away"));

        // refused either by the proposal's own expiry time or, once the expiry deadline has fired, as no longer pending (EXPIRED)
        assertProblem(late, 409);
        assertThat(late.text("detail")).containsIgnoringCase("expired");
        assertThat(storedEventTypes(id)).doesNotContain("AccountBannedEvent");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                bob.get("/api/v1/approvals?status=EXPIRED&size=500").json().get("items").findValuesAsString("actionId")).contains(actionId));
    }

    @Test
    void approving_an_unknown_proposal_is_404() {
        assertProblem(bob.post("/api/v1/approvals/nope/approve", Map.of("comment", "x")), 404);
    }

    @Test
    void a_second_ban_proposal_while_one_is_pending_is_409() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v)));

        assertProblem(alice.post("/api/v1/accounts/" + id + "/ban", citing("again", List.of(v))), 409);
    }
}
