package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistent deadlines on PostgreSQL, automatic flagging and external referral, through the API. SLAs of CRITICAL
 * cases and proposals last 3 s here; everything asynchronous is polled for, never slept on.
 */
@TestPropertySource(properties = {
        "warden.sla.critical=3s",
        "warden.approvals.expire-after=3s",
        "warden.deadlines.polling-interval=500ms",
        "warden.rules.enabled=true"})
class DeadlinesIT extends ApiTestSupport {

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String openCase(String severity, String category, List<String> accountIds) {
        ApiClient.Response opened = alice.post("/api/v1/cases", Map.of("title", "ring", "category", category,
                "severity", severity, "summary", "s", "accountIds", accountIds));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("caseId");
    }

    private String lastMetaDataOfType(String aggregateId, String simpleType) {
        return jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like ? order by sequence_number desc limit 1""",
                String.class, aggregateId, "%." + simpleType);
    }

    private String payloadOfType(String aggregateId, String simpleType) {
        return jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like ? order by sequence_number desc limit 1""",
                String.class, aggregateId, "%." + simpleType);
    }

    @Test
    void a_critical_case_with_no_enforcement_breaches_its_sla_and_the_case_view_shows_it() {
        String caseId = openCase("CRITICAL", "USAGE_POLICY", List.of());

        eventually("CaseSlaBreachedEvent of " + caseId, () -> storedEventTypes(caseId).contains("CaseSlaBreachedEvent"));

        assertThat(lastMetaDataOfType(caseId, "CaseSlaBreachedEvent")).contains("\"actor\":\"system:deadlines\"");
        assertThat(payloadOfType(caseId, "CaseSlaBreachedEvent")).contains("\"severity\":\"CRITICAL\"");
        long version = storedEvents(caseId) - 1;
        ApiClient.Response view = carol.get("/api/v1/cases/" + caseId + "?minVersion=" + version);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.text("slaBreachedAt")).isNotBlank();
        // the reporting projection is another processor: minVersion above waited for the case view only
        eventually("the breach in the reporting read model", () -> jdbc.queryForObject(
                "select count(*) from report_case_sla_breach where case_id = ?", Long.class, caseId) == 1);
    }

    @Test
    void an_enforcement_citing_the_case_ends_its_sla_and_cancels_the_deadline() {
        String account = newId("acct");
        accountWithViolation(account, "FREE");
        String caseId = openCase("HIGH", "USAGE_POLICY", List.of(account));
        assertThat(rowCount("deadline_schedule where deadline_key = 'case-sla:" + caseId + "'")).isEqualTo(1);

        ApiClient.Response restricted = alice.post("/api/v1/accounts/" + account + "/restrictions",
                Map.of("kind", "RATE_LIMIT", "reason", "campaign", "caseId", caseId));
        assertThat(restricted.status()).as(restricted.toString()).isEqualTo(201);

        eventually("CaseFirstEnforcedEvent of " + caseId, () -> storedEventTypes(caseId).contains("CaseFirstEnforcedEvent"));
        assertThat(rowCount("deadline_schedule where deadline_key = 'case-sla:" + caseId + "'")).isZero();
        assertThat(storedEventTypes(caseId)).doesNotContain("CaseSlaBreachedEvent");
    }

    @Test
    void an_unanswered_ban_expires_with_an_event_and_approving_it_then_is_409() {
        String account = newId("acct");
        String v = accountWithViolation(account, "FREE");
        String actionId = alice.post("/api/v1/accounts/" + account + "/ban", citing("campaign", List.of(v))).text("actionId");

        eventually("EnforcementExpiredEvent of " + account, () -> storedEventTypes(account).contains("EnforcementExpiredEvent"));

        assertThat(lastMetaDataOfType(account, "EnforcementExpiredEvent")).contains("\"actor\":\"system:deadlines\"");
        ApiClient.Response approved = bob.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "late"));
        assertProblem(approved, 409);
        assertThat(approved.text("detail")).contains("EXPIRED");
        eventually("approval_view shows EXPIRED from the event", () -> "EXPIRED".equals(jdbc.queryForObject(
                "select status from approval_view where action_id = ?", String.class, actionId)));
        long version = storedEvents(account) - 1;
        ApiClient.Response view = carol.get("/api/v1/accounts/" + account + "?minVersion=" + version);
        assertThat(view.json().get("pendingApprovals")).isEmpty();
        assertThat(bob.get("/api/v1/approvals?status=EXPIRED&size=500").body()).contains(actionId);
        assertThat(bob.get("/api/v1/approvals?status=PENDING&size=500").body()).doesNotContain(actionId);
    }

    @Test
    void three_high_usage_violations_flag_the_account_as_the_rules() {
        String account = newId("acct");
        assertThat(alice.post("/api/v1/accounts", account(account, "PRO")).status()).isEqualTo(201);
        for (String at : List.of("2026-03-01T01:00:00Z", "2026-03-01T05:00:00Z", "2026-03-01T20:00:00Z")) {
            Map<String, Object> violation = violation(newId("v"));
            violation.put("detectedAt", at);
            assertThat(dave.post("/api/v1/accounts/" + account + "/violations", violation).status()).isEqualTo(201);
        }

        eventually("AccountFlaggedEvent of " + account, () -> storedEventTypes(account).contains("AccountFlaggedEvent"));

        String metaData = lastMetaDataOfType(account, "AccountFlaggedEvent");
        assertThat(metaData).contains("\"actor\":\"system:rules\"").contains("\"actorRoles\":\"SYSTEM\"");
        assertThat(payloadOfType(account, "AccountFlaggedEvent")).contains("\"reason\":\"high-usage-burst\"");
        long version = storedEvents(account) - 1;
        ApiClient.Response view = carol.get("/api/v1/accounts/" + account + "?minVersion=" + version);
        assertThat(view.text("status")).isEqualTo("FLAGGED");
    }

    @Test
    void two_violations_do_not_flag_the_account() {
        String account = newId("acct");
        accountWithViolation(account, "PRO");
        String second = newId("v");
        assertThat(dave.post("/api/v1/accounts/" + account + "/violations", violation(second)).status()).isEqualTo(201);
        // the rule's state and any flag it sends commit in one transaction: once the state has the violation, a flag
        // would have been stored too
        eventually("the rules saw " + second, () -> rowCount("rule_violation where violation_id = '" + second + "'") == 1);
        assertThat(storedEventTypes(account)).doesNotContain("AccountFlaggedEvent");
    }

    @Test
    void escalation_to_external_referral_attaches_the_export_control_violations_and_the_report_shows_it() {
        String account = newId("acct");
        assertThat(alice.post("/api/v1/accounts", account(account, "PRO")).status()).isEqualTo(201);
        String ec = newId("ec");
        Map<String, Object> violation = violation(ec);
        violation.put("category", "EXPORT_CONTROL");
        violation.put("policy", "RESTRICTED_PARTY");
        violation.put("detectedAt", "2026-02-10T10:00:00Z");
        assertThat(dave.post("/api/v1/accounts/" + account + "/violations", violation).status()).isEqualTo(201);
        String caseId = openCase("HIGH", "EXPORT_CONTROL", List.of(account));

        ApiClient.Response escalated = alice.post("/api/v1/cases/" + caseId + "/escalation",
                Map.of("tier", "T4_EXTERNAL_REFERRAL", "reason", "entity list match"));
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);

        assertThat(storedEventTypes(caseId)).contains("CaseReferredExternallyEvent");
        assertThat(payloadOfType(caseId, "CaseReferredExternallyEvent")).contains(ec).contains(account);
        long version = storedEvents(caseId) - 1;
        ApiClient.Response view = carol.get("/api/v1/cases/" + caseId + "?minVersion=" + version);
        assertThat(view.json().get("referral").get("violationCount").asInt()).isEqualTo(1);
        eventually("the compliance report shows the referral", () -> {
            ApiClient.Response report = carol.header("Accept", "application/json")
                    .get("/api/v1/reports/compliance?from=2026-02-10T00:00:00Z&to=2026-02-11T00:00:00Z&category=EXPORT_CONTROL");
            return report.body().contains("\"referralId\":\"referral-" + caseId + "\"");
        });
    }
}
