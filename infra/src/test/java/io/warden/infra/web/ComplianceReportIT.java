package io.warden.infra.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.warden.infra.web.ReportingScenario.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compliance report of a regulator's period over HTTP: export-control violations of the first quarter of 2026
 * and what was done about them, as CSV parsed back with Commons CSV and as JSON with totals.
 */
class ComplianceReportIT extends ApiTestSupport {

    private static final String Q1 = "from=2026-01-01&to=2026-04-01";

    @Test
    void export_control_violations_of_a_quarter_and_their_outcome_are_reported_as_csv_row_by_row() throws IOException {
        String caseId = quarterScenario();

        ApiClient.Response csv = carol.header("Accept", "text/csv")
                .get("/api/v1/reports/compliance?" + Q1 + "&category=EXPORT_CONTROL");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv.body()))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(ComplianceReportController.CSV_COLUMNS);
            assertThat(parser.getHeaderComment())
                    .contains("violations detected in [2026-01-01T00:00:00Z, 2026-04-01T00:00:00Z), category EXPORT_CONTROL")
                    .contains("violations: 3; unactioned: 1")
                    .contains("distinct actions by kind: FLAG=0, RESTRICT=2, SUSPEND=1, BAN=1");
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).extracting(r -> String.join("|", r.get("violation_id"), r.get("account_id"), r.get("country"),
                    r.get("policy"), r.get("detected_at"), r.get("action_kind"), r.get("action_cited_as"),
                    r.get("action_taken_by"), r.get("action_approved_by"), r.get("action_case_id"), r.get("account_case_ids")))
                    .containsExactly(
                            "q-e1|q-x1|CN|UNSUPPORTED_REGION|2026-01-15T08:00:00Z|RESTRICT|VIOLATION|alice|||" + caseId,
                            "q-e1|q-x1|CN|UNSUPPORTED_REGION|2026-01-15T08:00:00Z|SUSPEND|VIOLATION|alice|||" + caseId,
                            "q-e2|q-x2|RU|RESTRICTED_PARTY|2026-02-10T12:00:00Z|RESTRICT|CASE|alice||" + caseId + "|" + caseId,
                            "q-e2|q-x2|RU|RESTRICTED_PARTY|2026-02-10T12:00:00Z|BAN|VIOLATION|alice|bob||" + caseId,
                            "q-e3|q-x3|SG|FOREIGN_CONTROL|2026-03-31T23:59:59Z" + "|".repeat(6));
            assertThat(rows.get(0).get("organization")).isEqualTo("Pearl River Compute, Ltd.");
            assertThat(rows.get(0).get("category")).isEqualTo("EXPORT_CONTROL");
            assertThat(rows.get(0).get("severity")).isEqualTo("CRITICAL");
            assertThat(rows.get(0).get("action_taken_at")).isNotBlank();
            assertThat(rows.get(0).get("action_ended_at")).isEmpty();
        }
    }

    @Test
    void the_json_report_carries_the_totals_and_the_actions_of_each_violation() {
        String caseId = quarterScenario();

        ApiClient.Response all = carol.header("Accept", "application/json").get("/api/v1/reports/compliance?" + Q1);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        JsonNode totals = all.json().get("totals");
        assertThat(totals.get("violations").asLong()).isEqualTo(4);
        assertThat(totals.get("unactionedViolations").asLong()).isEqualTo(1);
        assertThat(counts(totals.get("byPolicy"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "UNSUPPORTED_REGION", 1L, "RESTRICTED_PARTY", 1L, "FOREIGN_CONTROL", 1L, "DISTILLATION", 1L));
        assertThat(counts(totals.get("byCountry"))).containsExactlyInAnyOrderEntriesOf(Map.of("CN", 1L, "RU", 1L, "SG", 2L));
        assertThat(counts(totals.get("byCountry")).keySet()).first().isEqualTo("SG");
        // q-u1 is cited by a flag, so q-e3 is the only violation of the quarter without any action
        assertThat(counts(totals.get("actionsByKind"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "FLAG", 1L, "RESTRICT", 2L, "SUSPEND", 1L, "BAN", 1L));

        JsonNode items = all.json().get("items");
        assertThat(items.findValuesAsString("violationId")).containsExactly("q-e1", "q-u1", "q-e2", "q-e3");
        JsonNode banned = items.get(2);
        assertThat(banned.get("organization").asString()).isEqualTo("Neva Systems");
        assertThat(banned.get("caseIds").get(0).asString()).isEqualTo(caseId);
        JsonNode ban = banned.get("actions").get(1);
        assertThat(ban.get("kind").asString()).isEqualTo("BAN");
        assertThat(ban.get("takenBy").asString()).isEqualTo("alice");
        assertThat(ban.get("approvedBy").asString()).isEqualTo("bob");
        assertThat(ban.get("citedAs").asString()).isEqualTo("VIOLATION");

        ApiClient.Response exportOnly = erin.get("/api/v1/reports/compliance?" + Q1 + "&category=EXPORT_CONTROL");
        assertThat(exportOnly.contentType()).startsWith("application/json");
        assertThat(exportOnly.json().get("category").asString()).isEqualTo("EXPORT_CONTROL");
        assertThat(exportOnly.json().get("items").findValuesAsString("violationId")).containsExactly("q-e1", "q-e2", "q-e3");
        assertThat(exportOnly.json().get("from").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(exportOnly.json().get("to").asString()).isEqualTo("2026-04-01T00:00:00Z");
    }

    @Test
    void a_bad_period_or_category_is_400_problem_json_even_when_csv_was_asked_for() {
        ApiClient.Response unreadable = carol.get("/api/v1/reports/compliance?from=last-tuesday&to=2026-04-01");
        assertProblem(unreadable, 400);
        assertThat(unreadable.json().get("errors").findValuesAsString("field")).containsExactly("from");
        assertProblem(carol.get("/api/v1/reports/compliance?from=2026-04-01&to=2026-01-01"), 400);
        assertProblem(carol.get("/api/v1/reports/compliance?from=2026-04-01&to=2026-04-01"), 400);
        ApiClient.Response category = carol.get("/api/v1/reports/compliance?" + Q1 + "&category=SPAM");
        assertProblem(category, 400);
        assertThat(category.json().get("errors").findValuesAsString("field")).containsExactly("category");
        assertProblem(carol.header("Accept", "text/csv").get("/api/v1/reports/compliance?from=2026-13-01"), 400);
    }

    @Test
    void without_a_period_the_report_covers_the_last_90_days() {
        ApiClient.Response report = carol.get("/api/v1/reports/compliance");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        Duration period = Duration.between(java.time.Instant.parse(report.text("from")), java.time.Instant.parse(report.text("to")));
        assertThat(period).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void auditors_and_admins_read_reports_and_enforcers_and_detectors_do_not() {
        assertThat(carol.get("/api/v1/reports/compliance?" + Q1).status()).isEqualTo(200);
        assertThat(erin.header("Accept", "text/csv").get("/api/v1/reports/compliance?" + Q1).status()).isEqualTo(200);
        assertProblem(alice.get("/api/v1/reports/compliance?" + Q1), 403);
        assertProblem(dave.header("Accept", "text/csv").get("/api/v1/reports/compliance?" + Q1), 403);
    }

    private static volatile String scenarioCase;

    /**
     * Q1 2026: three export-control violations in the period (one at its last second), one just before and one at
     * its exclusive end, and one usage-policy violation; a restriction and a suspension citing q-e1, a restriction
     * citing a case and an approved ban citing q-e2, nothing for q-e3. Recorded once for the class, then awaited.
     */
    private synchronized String quarterScenario() {
        if (scenarioCase != null) {
            return scenarioCase;
        }
        ReportingScenario s = new ReportingScenario(alice, dave, bob);
        s.register("q-x1", "Pearl River Compute, Ltd.", "CN", "FREE");
        s.register("q-x2", "Neva Systems", "RU", "FREE");
        s.register("q-x3", "Lion City Labs", "SG", "FREE");
        s.violation("q-x1", "q-e1", "EXPORT_CONTROL", "UNSUPPORTED_REGION", "CRITICAL", "2026-01-15T08:00:00Z");
        s.violation("q-x2", "q-e2", "EXPORT_CONTROL", "RESTRICTED_PARTY", "HIGH", "2026-02-10T12:00:00Z");
        s.violation("q-x3", "q-e3", "EXPORT_CONTROL", "FOREIGN_CONTROL", "HIGH", "2026-03-31T23:59:59Z");
        s.violation("q-x1", "q-e4", "EXPORT_CONTROL", "UNSUPPORTED_REGION", "HIGH", "2026-04-01T00:00:00Z");
        s.violation("q-x2", "q-e5", "EXPORT_CONTROL", "RESTRICTED_PARTY", "HIGH", "2025-12-31T23:59:59Z");
        s.violation("q-x3", "q-u1", "USAGE_POLICY", "DISTILLATION", "MEDIUM", "2026-02-01T00:00:00Z");
        String caseId = s.openCase("EXPORT_CONTROL", "HIGH", "q-x1", "q-x2");
        s.restrictCiting("q-x1", "q-e1");
        s.suspend("q-x1", "q-e1");
        s.restrictCitingCase("q-x2", caseId);
        s.banApproved("q-x2", "q-e2");
        s.flag("q-x3", "q-u1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response report = carol.get("/api/v1/reports/compliance?" + Q1);
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            JsonNode byKind = report.json().get("totals").get("actionsByKind");
            assertThat(report.json().get("totals").get("violations").asLong()).isEqualTo(4);
            assertThat(byKind.get("BAN").asLong()).isEqualTo(1);
            assertThat(byKind.get("SUSPEND").asLong()).isEqualTo(1);
            assertThat(byKind.get("RESTRICT").asLong()).isEqualTo(2);
            assertThat(byKind.get("FLAG").asLong()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(carol.get(
                "/api/v1/reports/compliance?" + Q1).json().get("items").get(0).get("caseIds").size()).isEqualTo(1));
        scenarioCase = caseId;
        return caseId;
    }
}
