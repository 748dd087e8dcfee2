package io.warden.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the harness in {@code --quick} mode in-process against the PostgreSQL of the integration tests
 * ({@code WARDEN_TEST_DB_URL}, embedded without it) and Warden's boot jar from this build, and checks that it
 * produced every figure. A smoke test of the harness: no figure is judged by its size.
 */
class HarnessSmokeIT {

    @Test
    void a_quick_run_produces_every_figure_and_keeps_the_workload_invariants() throws Exception {
        Path jar = Path.of(System.getenv().getOrDefault("BENCH_INFRA_JAR", "../infra/target/warden.jar"));
        assertThat(jar).as("infra's boot jar, packaged earlier in this build").isRegularFile();
        Path results = Files.createTempDirectory("warden-bench-smoke");
        String url = System.getenv("WARDEN_TEST_DB_URL");
        String user = System.getenv().getOrDefault("WARDEN_TEST_DB_USER", "postgres");
        Options options = new Options(true, false, false, 42, url == null || url.isBlank() ? null : url, user,
                System.getenv("WARDEN_TEST_DB_PASSWORD"), jar, results);

        Harness.Result result = Harness.run(options);

        assertThat(result.rows()).extracting(Report.Row::figure).anyMatch(f -> f.startsWith("Bulk intake"))
                .anyMatch(f -> f.contains("16 clients")).anyMatch(f -> f.startsWith("Takedown of"))
                .anyMatch(f -> f.startsWith("Replay of every projection")).anyMatch(f -> f.startsWith("Dashboard") && f.contains("p99"))
                .anyMatch(f -> f.startsWith("Account view")).anyMatch(f -> f.startsWith("Audit trail"))
                .anyMatch(f -> f.startsWith("Screening")).anyMatch(f -> f.startsWith("Peak heap")).anyMatch(f -> f.startsWith("Peak RSS"));
        for (Report.Row row : result.rows()) {
            assertThat(row.warden()).as(row.figure()).isFinite().isPositive();
            if (row.baselineLabel() != null) {
                assertThat(row.baseline()).as(row.figure() + ": baseline").isNotNull().isFinite().isPositive();
                assertThat(row.ratio()).as(row.figure() + ": ratio").isNotNull().isFinite().isPositive();
            }
        }
        assertThat(result.jsonFile()).isRegularFile();
        assertThat(Files.readString(result.jsonFile())).contains("\"figures\"", "\"baselines\"", "\"stockAxon\"", "\"machine\"");
        assertThat(result.markdownFile()).isRegularFile();
        assertThat(Files.readString(result.markdownFile())).contains("| figure | Warden | baseline | ratio | target | met |",
                "Bulk intake", "Replay of every projection", "Dashboard");

        Scale quick = Scale.quick();
        Map<String, Object> json = result.json();
        assertThat(Report.num(json, "warden.workload.campaignAccounts")).isEqualTo(quick.campaignAccounts());
        assertThat(Report.num(json, "warden.workload.legitimateAccountsRegistered")).isEqualTo(quick.legitimate());
        assertThat(Report.num(json, "warden.workload.registeredEventsInStore")).isEqualTo(quick.accounts());
        assertThat(Report.num(json, "warden.workload.campaignInteractionsSent")).isEqualTo(quick.interactions());
        assertThat(Report.num(json, "warden.workload.campaignViolationsSent")).isEqualTo(quick.violations());
        assertThat(Report.num(json, "warden.workload.violationEventsInStore")).isGreaterThanOrEqualTo(quick.violations());
        assertThat(Report.num(json, "warden.atFirstCheckpoint.events")).isGreaterThanOrEqualTo(quick.firstCheckpoint());
        assertThat(Report.num(json, "warden.atHistory.events")).isGreaterThanOrEqualTo(quick.history());
        assertThat(Report.num(json, "warden.takedown.done") + Report.num(json, "warden.takedown.skipped"))
                .isEqualTo(quick.campaigns()[quick.campaigns().length - 1]);
        assertThat(Report.at(json, "memory.outOfMemoryError")).isEqualTo(false);
    }
}
