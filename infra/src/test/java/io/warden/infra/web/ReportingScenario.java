package io.warden.infra.web;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands the dashboard and report tests script, as an enforcement team would send them over HTTP. */
final class ReportingScenario {

    private final ApiClient enforcer;
    private final ApiClient detector;
    private final ApiClient approver;

    ReportingScenario(ApiClient enforcer, ApiClient detector, ApiClient approver) {
        this.enforcer = enforcer;
        this.detector = detector;
        this.approver = approver;
    }

    void register(String accountId, String organization, String country, String tier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("organization", organization);
        body.put("country", country);
        body.put("tier", tier);
        expect(detector.post("/api/v1/accounts", body), 201);
    }

    void violation(String accountId, String violationId, String category, String policy, String severity,
                   String detectedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("violationId", violationId);
        body.put("category", category);
        body.put("policy", policy);
        body.put("severity", severity);
        body.put("detectedAt", detectedAt);
        body.put("evidence", Map.of("detector", "test-detector", "summary", "seen in the test"));
        expect(detector.post("/api/v1/accounts/" + accountId + "/violations", body), 201);
    }

    void flag(String accountId, String... violationIds) {
        expect(enforcer.post("/api/v1/accounts/" + accountId + "/flag",
                Map.of("reason", "needs a look", "violationIds", List.of(violationIds))), 200);
    }

    String restrictCiting(String accountId, String... violationIds) {
        return expect(enforcer.post("/api/v1/accounts/" + accountId + "/restrictions", Map.of("kind", "RATE_LIMIT",
                "reason", "throttle", "violationIds", List.of(violationIds))), 201).text("restrictionId");
    }

    String restrictCitingCase(String accountId, String caseId) {
        return expect(enforcer.post("/api/v1/accounts/" + accountId + "/restrictions", Map.of("kind", "REGION_BLOCK",
                "reason", "case grounds", "caseId", caseId)), 201).text("restrictionId");
    }

    String suspend(String accountId, String... violationIds) {
        return expect(enforcer.post("/api/v1/accounts/" + accountId + "/suspension",
                Map.of("reason", "suspended", "violationIds", List.of(violationIds))), 200).text("actionId");
    }

    String banApproved(String accountId, String... violationIds) {
        String actionId = proposeBan(accountId, violationIds);
        expect(approver.post("/api/v1/approvals/" + actionId + "/approve", Map.of("comment", "clear")), 200);
        return actionId;
    }

    String banRejected(String accountId, String... violationIds) {
        String actionId = proposeBan(accountId, violationIds);
        expect(approver.post("/api/v1/approvals/" + actionId + "/reject", Map.of("comment", "weak")), 200);
        return actionId;
    }

    private String proposeBan(String accountId, String... violationIds) {
        return expect(enforcer.post("/api/v1/accounts/" + accountId + "/ban",
                Map.of("reason", "ban", "violationIds", List.of(violationIds))), 202).text("actionId");
    }

    String openCase(String category, String severity, String... accountIds) {
        return expect(enforcer.post("/api/v1/cases", Map.of("title", "case", "category", category, "severity", severity,
                "summary", "opened by the test", "accountIds", List.of(accountIds))), 201).text("caseId");
    }

    void escalate(String caseId, String tier) {
        expect(enforcer.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", tier, "reason", "up")), 200);
    }

    void resolve(String caseId) {
        expect(enforcer.post("/api/v1/cases/" + caseId + "/resolution",
                Map.of("outcome", "NO_ACTION_NEEDED", "summary", "done")), 200);
    }

    static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static ApiClient.Response expect(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
