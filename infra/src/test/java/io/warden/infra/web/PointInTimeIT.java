package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf}: an account or a case as it was at an instant, reconstructed from its stored events. The instants
 * are taken by the test between commands: a command's events are stored before its answer arrives.
 */
@TestPropertySource(properties = {
        // a third enforcer: an appeal against a ban is decided by neither its proposer nor its approver
        "warden.security.users[0].name=frank",
        "warden.security.users[0].password-hash=$2a$10$kVF.FLYyEywurenEffpYDu2sz4LF37iCmIgb.tgMhiTweBZH.5gvq",
        "warden.security.users[0].roles=ENFORCER"})
class PointInTimeIT extends ViewsTestSupport {

    @Test
    void an_account_as_of_instants_across_a_suspension_a_reinstatement_and_a_lifted_restriction() {
        String id = newId("acct");
        Instant beforeRegistration = Instant.now();
        String v = accountWithViolation(id, "PRO");
        Instant registered = Instant.now();
        long suspendedVersion = suspend(id, List.of(v));
        Instant suspended = Instant.now();
        reinstate(id);
        Instant reinstated = Instant.now();
        String restrictionId = restrict(id, List.of(v));
        Instant restricted = Instant.now();
        alice.post("/api/v1/accounts/" + id + "/restrictions/" + restrictionId + "/lift", Map.of("reason", "ok"));
        Instant lifted = Instant.now();

        JsonNode atRegistration = asOf(id, registered);
        JsonNode atSuspension = asOf(id, suspended);
        JsonNode atReinstatement = asOf(id, reinstated);
        JsonNode atRestriction = asOf(id, restricted);
        JsonNode atLift = asOf(id, lifted);

        assertProblem(carol.get("/api/v1/accounts/" + id + "?asOf=" + beforeRegistration), 404);
        assertThat(atRegistration.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(atRegistration.get("violations")).hasSize(1);
        assertThat(atRegistration.get("actions")).isEmpty();
        assertThat(atRegistration.get("asOf").asString()).isEqualTo(registered.toString());
        assertThat(atSuspension.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(atSuspension.get("version").asLong()).isEqualTo(suspendedVersion);
        assertThat(atSuspension.get("actions").get(0).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(atReinstatement.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(atReinstatement.get("actions").get(0).get("state").asString()).isEqualTo("ENDED");
        assertThat(atRestriction.get("status").asString()).isEqualTo("RESTRICTED");
        assertThat(atRestriction.get("actions").get(1).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(atLift.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(atLift.get("actions").get(1).get("state").asString()).isEqualTo("LIFTED");
    }

    @Test
    void an_account_as_of_instants_across_a_ban_and_an_overturned_appeal() {
        String id = newId("acct");
        String v = accountWithViolation(id, "FREE");
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/ban", citing("campaign member", List.of(v)));
        Instant whileProposed = Instant.now();
        bob.post("/api/v1/approvals/" + proposed.text("actionId") + "/approve", Map.of("comment", "clear"));
        Instant banned = Instant.now();
        ApiClient.Response filed = alice.post("/api/v1/accounts/" + id + "/appeals", Map.of("statement", "shared proxy"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Instant appealed = Instant.now();
        ApiClient frank = anonymous.withCredentials("frank", "frank-pw");
        ApiClient.Response overturned = frank.post("/api/v1/appeals/" + filed.text("appealId") + "/decision",
                Map.of("outcome", "OVERTURNED", "reason", "the proxy was shared"));
        assertThat(overturned.status()).as(overturned.toString()).isEqualTo(200);
        Instant afterOverturn = Instant.now();

        JsonNode proposal = asOf(id, whileProposed);
        JsonNode ban = asOf(id, banned);
        JsonNode appeal = asOf(id, appealed);
        JsonNode after = asOf(id, afterOverturn);

        assertThat(proposal.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(proposal.get("pendingApprovals").get(0).get("kind").asString()).isEqualTo("BAN");
        assertThat(ban.get("status").asString()).isEqualTo("BANNED");
        assertThat(ban.get("pendingApprovals")).isEmpty();
        assertThat(ban.get("actions").get(0).get("approvedBy").asString()).isEqualTo("bob");
        assertThat(appeal.get("status").asString()).isEqualTo("BANNED");
        assertThat(appeal.get("appeals").get(0).get("outcome").isNull()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("actions").get(0).get("state").asString()).isEqualTo("OVERTURNED");
        assertThat(after.get("appeals").get(0).get("outcome").asString()).isEqualTo("OVERTURNED");
        assertThat(after.get("appeals").get(0).get("decidedBy").asString()).isEqualTo("frank");
    }

    @Test
    void now_and_as_of_now_agree_and_a_future_instant_is_read_as_now() {
        String id = newId("acct");
        String v = accountWithViolation(id, "ENTERPRISE");
        alice.post("/api/v1/accounts/" + id + "/flag", citing("odd", List.of(v)));
        restrict(id, List.of(v));
        ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        String caseId = alice.post("/api/v1/cases", Map.of("title", "t", "category", "MIXED", "severity", "LOW",
                "summary", "s", "accountIds", List.of(id))).text("caseId");
        awaitGet(carol, "/api/v1/accounts/" + id + "?minVersion=" + version(proposed), r -> !r.json().get("cases").isEmpty());

        ObjectNode now = (ObjectNode) carol.get("/api/v1/accounts/" + id).json();
        ObjectNode future = (ObjectNode) asOf(id, Instant.now().plus(Duration.ofDays(365)));

        assertThat(future.get("asOf").isNull()).isFalse();
        now.remove("asOf");
        future.remove("asOf");
        assertThat(future).isEqualTo(now);
        assertThat(now.get("cases").get(0).get("caseId").asString()).isEqualTo(caseId);
        assertThat(now.get("pendingApprovals")).hasSize(1);
    }

    @Test
    void a_case_as_of_instants_shows_the_tier_and_the_accounts_linked_by_then() {
        String a = newId("acct");
        String b = newId("acct");
        alice.post("/api/v1/accounts", account(a, "PRO"));
        alice.post("/api/v1/accounts", account(b, "PRO"));
        Instant beforeOpening = Instant.now();
        String caseId = alice.post("/api/v1/cases", Map.of("title", "Ring", "category", "MIXED", "severity", "HIGH",
                "summary", "s", "accountIds", List.of(a))).text("caseId");
        Instant opened = Instant.now();
        alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", List.of(b)));
        Instant linked = Instant.now();
        alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T2_INVESTIGATION", "reason", "bigger"));
        Instant escalated = Instant.now();

        // an account's cases come from the link read model: wait until it has the link
        awaitGet(carol, "/api/v1/accounts/" + b, r -> r.status() == 200 && !r.json().get("cases").isEmpty());

        JsonNode atOpening = caseAsOf(caseId, opened);
        JsonNode atLink = caseAsOf(caseId, linked);
        JsonNode atEscalation = caseAsOf(caseId, escalated);
        JsonNode accountBBeforeLink = asOf(b, opened);
        JsonNode accountBAfterLink = asOf(b, linked);

        assertProblem(carol.get("/api/v1/cases/" + caseId + "?asOf=" + beforeOpening), 404);
        assertThat(atOpening.get("tier").asString()).isEqualTo("T1_TRIAGE");
        assertThat(atOpening.get("linkedAccountCount").asLong()).isEqualTo(1);
        assertThat(atOpening.get("linkedAccountIds")).hasSize(1);
        assertThat(atOpening.get("linkedAccountIds").get(0).asString()).isEqualTo(a);
        assertThat(atLink.get("linkedAccountCount").asLong()).isEqualTo(2);
        assertThat(atLink.get("linkedAccountIds")).hasSize(2);
        assertThat(atLink.get("tier").asString()).isEqualTo("T1_TRIAGE");
        assertThat(atEscalation.get("tier").asString()).isEqualTo("T2_INVESTIGATION");
        assertThat(accountBBeforeLink.get("cases")).isEmpty();
        assertThat(accountBAfterLink.get("cases").get(0).get("caseId").asString()).isEqualTo(caseId);
    }

    private JsonNode asOf(String accountId, Instant at) {
        ApiClient.Response response = carol.get("/api/v1/accounts/" + accountId + "?asOf=" + at);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode caseAsOf(String caseId, Instant at) {
        ApiClient.Response response = carol.get("/api/v1/cases/" + caseId + "?asOf=" + at);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
