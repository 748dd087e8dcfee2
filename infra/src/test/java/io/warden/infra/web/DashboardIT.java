package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.warden.infra.web.ReportingScenario.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard after a scripted scenario, read over HTTP with exact figures. The critical SLA is a few seconds so
 * that breaches happen during the test. Only the scenario test records anything, so its figures are the database's.
 */
@TestPropertySource(properties = "warden.sla.critical=5s")
class DashboardIT extends ApiTestSupport {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    @Test
    void the_dashboard_counts_a_scripted_scenario_exactly() {
        ReportingScenario s = new ReportingScenario(alice, dave, bob);
        s.register("d-a1", "Lumen Analytics", "SG", "FREE");
        // not in unsupported regions: registering there records an automatic EXPORT_CONTROL violation (ScreeningIT
        // covers that), which would make these figures depend on the export-control processor's timing
        s.register("d-a2", "Pearl River Compute", "AE", "FREE");
        s.register("d-a3", "Neva Systems", "TR", "PRO");
        s.register("d-a4", "Lumen Analytics", "SG", "PRO");
        s.register("d-a5", "Quiet Co", "US", "FREE");
        s.register("d-a6", "Loud Co", "US", "FREE");
        s.violation("d-a1", "d-v1", "USAGE_POLICY", "DISTILLATION", "HIGH", "2026-02-23T09:15:00Z");
        s.violation("d-a2", "d-v2", "EXPORT_CONTROL", "UNSUPPORTED_REGION", "CRITICAL", "2026-02-23T09:16:00Z");
        s.violation("d-a3", "d-v3", "EXPORT_CONTROL", "RESTRICTED_PARTY", "HIGH", "2026-02-23T09:17:00Z");
        s.violation("d-a4", "d-v4", "USAGE_POLICY", "DISTILLATION", "MEDIUM", "2026-02-23T09:18:00Z");
        s.violation("d-a4", "d-v5", "USAGE_POLICY", "ACCOUNT_FARMING", "LOW", "2026-02-23T09:19:00Z");
        s.violation("d-a6", "d-v6", "USAGE_POLICY", "DISTILLATION", "HIGH", "2026-02-23T09:20:00Z");

        s.flag("d-a1", "d-v1");
        s.restrictCiting("d-a1", "d-v1");            // d-a1 RESTRICTED
        s.suspend("d-a2", "d-v2");                   // d-a2 SUSPENDED
        s.banApproved("d-a3", "d-v3");               // d-a3 BANNED
        s.flag("d-a4", "d-v4");                      // d-a4 FLAGGED, violations but no enforcement
        s.banRejected("d-a6", "d-v6");               // d-a6 stays ACTIVE, violation but no enforcement

        String neglected = s.openCase("EXPORT_CONTROL", "CRITICAL", "d-a2");   // never acted on: will be overdue
        String escalated = s.openCase("USAGE_POLICY", "HIGH", "d-a4");
        s.escalate(escalated, "T2_INVESTIGATION");
        String closed = s.openCase("USAGE_POLICY", "MEDIUM", "d-a5");
        s.resolve(closed);
        String enforcedInTime = s.openCase("MIXED", "CRITICAL", "d-a1");
        s.restrictCitingCase("d-a1", enforcedInTime);  // a second restriction, within the 5 s SLA
        String resolvedLate = s.openCase("USAGE_POLICY", "CRITICAL", "d-a6");

        // both critical cases without action pass their 5 s deadline; then one of them is resolved, late
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                dashboard().get("slaBreaches").get("bySeverity").get("CRITICAL").get("openPastDeadline").asLong()).isEqualTo(2));
        s.resolve(resolvedLate);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode d = dashboard();
            assertThat(counts(d.get("accountsByStatus"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ACTIVE", 2L, "FLAGGED", 1L, "RESTRICTED", 1L, "SUSPENDED", 1L, "BANNED", 1L));
            assertThat(d.get("openCases").asLong()).isEqualTo(3);
            assertThat(d.get("slaBreaches").get("metLate").asLong()).isEqualTo(1);
        });

        JsonNode d = dashboard();
        assertThat(d.get("accounts").asLong()).isEqualTo(6);
        assertThat(d.get("violations").asLong()).isEqualTo(6);
        assertThat(counts(d.get("violationsByCategory"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "USAGE_POLICY", 4L, "EXPORT_CONTROL", 2L));
        assertThat(counts(d.get("violationsByPolicy"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DISTILLATION", 3L, "UNSUPPORTED_REGION", 1L, "RESTRICTED_PARTY", 1L, "ACCOUNT_FARMING", 1L));
        assertThat(counts(d.get("violationsByPolicy")).keySet()).first().isEqualTo("DISTILLATION");
        assertThat(counts(d.get("violationsByCountry"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SG", 3L, "AE", 1L, "TR", 1L, "US", 1L));
        assertThat(counts(d.get("openCasesByTier"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "T1_TRIAGE", 2L, "T2_INVESTIGATION", 1L, "T3_LEGAL", 0L, "T4_EXTERNAL_REFERRAL", 0L));
        assertThat(counts(d.get("openCasesBySeverity"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CRITICAL", 2L, "HIGH", 1L, "MEDIUM", 0L, "LOW", 0L));

        JsonNode sla = d.get("slaBreaches");
        assertThat(sla.get("total").asLong()).isEqualTo(2);
        assertThat(sla.get("openPastDeadline").asLong()).isEqualTo(1);
        assertThat(sla.get("metLate").asLong()).isEqualTo(1);
        assertThat(sla.get("bySeverity").get("CRITICAL").get("openPastDeadline").asLong()).isEqualTo(1);
        assertThat(sla.get("bySeverity").get("CRITICAL").get("metLate").asLong()).isEqualTo(1);
        assertThat(sla.get("bySeverity").get("HIGH").get("openPastDeadline").asLong()).isZero();
        assertThat(sla.get("slaDurations").get("CRITICAL").asString()).isEqualTo("PT5S");
        assertThat(sla.get("slaDurations").get("LOW").asString()).isEqualTo("PT168H");

        JsonNode days = d.get("actionsPerDay");
        assertThat(days.size()).isEqualTo(30);
        assertThat(sum(days, "flags")).isEqualTo(2);
        assertThat(sum(days, "restrictions")).isEqualTo(2);
        assertThat(sum(days, "suspensions")).isEqualTo(1);
        assertThat(sum(days, "bans")).isEqualTo(1);

        JsonNode time = d.get("timeToFirstAction");
        assertThat(time.get("accountsMeasured").asLong()).isEqualTo(3);
        assertThat(time.get("accountsAwaitingAction").asLong()).isEqualTo(2);
        assertThat(time.get("medianSeconds").asDouble()).isPositive();
        assertThat(time.get("p90Seconds").asDouble()).isGreaterThanOrEqualTo(time.get("medianSeconds").asDouble());
    }

    @Test
    void the_days_of_the_series_can_be_chosen_and_bad_values_are_400() {
        ApiClient.Response week = carol.get("/api/v1/dashboard?days=7");
        assertThat(week.status()).as(week.toString()).isEqualTo(200);
        assertThat(week.json().get("actionsPerDay").size()).isEqualTo(7);
        assertProblem(carol.get("/api/v1/dashboard?days=0"), 400);
        assertProblem(carol.get("/api/v1/dashboard?days=367"), 400);
        assertProblem(carol.get("/api/v1/dashboard?days=many"), 400);
    }

    @Test
    void auditors_and_admins_read_the_dashboard_and_enforcers_and_detectors_do_not() {
        assertThat(carol.get("/api/v1/dashboard").status()).isEqualTo(200);
        assertThat(erin.get("/api/v1/dashboard").status()).isEqualTo(200);
        assertProblem(alice.get("/api/v1/dashboard"), 403);
        assertProblem(dave.get("/api/v1/dashboard"), 403);
        assertProblem(anonymous.get("/api/v1/dashboard"), 401);
    }

    private JsonNode dashboard() {
        ApiClient.Response response = carol.get("/api/v1/dashboard");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static long sum(JsonNode days, String field) {
        return StreamSupport.stream(days.spliterator(), false).mapToLong(day -> day.get(field).asLong()).sum();
    }
}
