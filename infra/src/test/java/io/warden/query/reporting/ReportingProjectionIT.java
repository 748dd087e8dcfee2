package io.warden.query.reporting;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.ComplianceReportPage;
import io.warden.api.queries.ComplianceReportRow;
import io.warden.api.queries.ComplianceTotals;
import io.warden.api.queries.DashboardView;
import io.warden.api.queries.FindComplianceReportPageQuery;
import io.warden.api.queries.FindComplianceTotalsQuery;
import io.warden.api.queries.FindDashboardQuery;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseOutcome;
import io.warden.api.types.CaseTier;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.infra.WardenApplication;
import io.warden.infra.support.IntegrationTest;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting projection, its handlers called directly with hand-made events (no event store, no processor), on
 * a real PostgreSQL because the counters are SQL upserts. Each test starts from empty tables. It lives in the
 * projection's package (in infra, which has the test database support) to reach its package-private handlers.
 */
@SpringBootTest(classes = WardenApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingProjectionIT extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    ReportingProjection projection;
    @Autowired
    DashboardQueries dashboard;
    @Autowired
    ComplianceReportQueries reports;

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        register("a-1", "SG", 0);
        ViolationRecordedEvent violation = violation("a-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION");
        AccountFlaggedEvent flagged = new AccountFlaggedEvent("a-1", "bursty", List.of("v-1"));
        AccountRestrictedEvent restricted = restriction("a-1", "r-1", EnforcementGrounds.ofViolations(List.of("v-1")));

        for (int delivery = 0; delivery < 2; delivery++) {
            register("a-1", "SG", 0);
            projection.on(violation, 1, T0);
            projection.on(flagged, 2, T0.plusSeconds(60), "alice");
            projection.on(restricted, 3, T0.plusSeconds(120), "alice");
        }

        DashboardView view = dashboard();
        assertThat(view.accounts()).isEqualTo(1);
        assertThat(view.accountsByStatus()).isEqualTo(statuses(AccountStatus.RESTRICTED));
        assertThat(view.violations()).isEqualTo(1);
        assertThat(view.violationsByPolicy()).containsExactly(Map.entry("DISTILLATION", 1L));
        assertThat(view.violationsByCountry()).containsExactly(Map.entry("SG", 1L));
        assertThat(rowCount("report_action")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select sum(count) from report_actions_per_day", Long.class)).isEqualTo(2);
        assertThat(view.timeToFirstAction().accountsMeasured()).isEqualTo(1);
        assertThat(view.timeToFirstAction().medianSeconds()).isEqualTo(120.0);
    }

    @Test
    void an_account_moves_between_status_buckets_through_flag_restrict_suspend_reinstate_and_lift() {
        register("a-1", "SG", 0);
        projection.on(violation("a-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 1, T0);
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.ACTIVE));

        projection.on(new AccountFlaggedEvent("a-1", "bursty", List.of("v-1")), 2, T0, "alice");
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.FLAGGED));

        projection.on(restriction("a-1", "r-1", EnforcementGrounds.ofViolations(List.of("v-1"))), 3, T0, "alice");
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.RESTRICTED));

        projection.on(suspension("a-1", "s-1"), 4, T0);
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.SUSPENDED));

        projection.on(new AccountReinstatedEvent("a-1", "cleared", ReinstatementCause.MANUAL, List.of("s-1"), null), 5, T0);
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.RESTRICTED));

        projection.on(new RestrictionLiftedEvent("a-1", "r-1", RestrictionKind.RATE_LIMIT, "ok"), 6, T0);
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.FLAGGED));

        projection.on(new AccountUnflaggedEvent("a-1", "ok"), 7, T0);
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.ACTIVE));
        assertThat(jdbc.queryForObject("select count(*) from report_action where ended_at is null", Long.class)).isZero();
    }

    @Test
    void a_ban_counts_when_approved_and_an_overturned_appeal_ends_it_and_the_suspension_beneath() {
        register("a-1", "SG", 0);
        projection.on(violation("a-1", "v-1", ViolationCategory.EXPORT_CONTROL, "RESTRICTED_PARTY"), 1, T0);
        projection.on(suspension("a-1", "s-1"), 2, T0.plusSeconds(600));
        // sequence 3 and 4 are the proposal and its approval, which this read model does not need
        projection.on(new AccountBannedEvent("a-1", "b-1", "entity list", EnforcementGrounds.ofViolations(List.of("v-1")),
                "alice", "bob"), 5, T0.plusSeconds(1200));
        assertThat(dashboard().accountsByStatus()).isEqualTo(statuses(AccountStatus.BANNED));
        assertThat(jdbc.queryForObject("select count from report_actions_per_day where kind = 'BAN'", Long.class)).isEqualTo(1);

        projection.on(new AccountReinstatedEvent("a-1", "overturned", ReinstatementCause.APPEAL_OVERTURNED,
                List.of("b-1", "s-1"), "ap-1"), 8, T0.plusSeconds(3000));

        DashboardView view = dashboard();
        assertThat(view.accountsByStatus()).isEqualTo(statuses(AccountStatus.ACTIVE));
        // the first enforcement was the suspension, ten minutes after the violation; the ban does not move it
        assertThat(view.timeToFirstAction().medianSeconds()).isEqualTo(600.0);
        ComplianceReportRow row = reportRows(null).get(0);
        assertThat(row.actions()).extracting(ComplianceReportRow.ReportedAction::kind)
                .containsExactly(ActionKind.SUSPEND, ActionKind.BAN);
        assertThat(row.actions().get(1).takenBy()).isEqualTo("alice");
        assertThat(row.actions().get(1).approvedBy()).isEqualTo("bob");
        assertThat(row.actions()).allSatisfy(a -> assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(3000)));
    }

    @Test
    void time_to_first_action_has_a_median_and_p90_over_the_accounts_that_had_a_violation_first() {
        register("a-1", "SG", 0);
        register("a-2", "SG", 0);
        register("a-3", "SG", 0);
        projection.on(violation("a-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 1, T0);
        projection.on(violation("a-2", "v-2", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 1, T0);
        projection.on(restriction("a-1", "r-1", EnforcementGrounds.ofViolations(List.of("v-1"))), 2, T0.plusSeconds(600), "alice");
        projection.on(restriction("a-2", "r-2", EnforcementGrounds.ofViolations(List.of("v-2"))), 2, T0.plusSeconds(1200), "alice");
        // enforced through a case before any violation of its own: no interval to measure
        projection.on(restriction("a-3", "r-3", EnforcementGrounds.ofCase("c-1")), 1, T0, "alice");
        projection.on(violation("a-3", "v-3", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 2, T0.plusSeconds(60));

        DashboardView.TimeToFirstAction time = dashboard().timeToFirstAction();
        assertThat(time.accountsMeasured()).isEqualTo(2);
        assertThat(time.accountsAwaitingAction()).isZero();
        assertThat(time.medianSeconds()).isEqualTo(900.0);
        assertThat(time.p90Seconds()).isEqualTo(1140.0);
    }

    @Test
    void open_cases_move_between_tiers_and_leave_the_counts_when_resolved() {
        projection.on(caseOpened("c-1", Severity.CRITICAL), 0, T0);
        projection.on(caseOpened("c-2", Severity.LOW), 0, T0);
        projection.on(new CaseEscalatedEvent("c-1", CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "legal"), 1);
        projection.on(new CaseEscalatedEvent("c-1", CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "legal"), 1);
        projection.on(new CaseResolvedEvent("c-2", CaseOutcome.NO_ACTION_NEEDED, "fine", "alice"), 1, T0);
        projection.on(new CaseResolvedEvent("c-2", CaseOutcome.NO_ACTION_NEEDED, "fine", "alice"), 1, T0);

        DashboardView view = dashboard();
        assertThat(view.openCases()).isEqualTo(1);
        assertThat(view.openCasesByTier()).containsEntry(CaseTier.T3_LEGAL, 1L).containsEntry(CaseTier.T1_TRIAGE, 0L);
        assertThat(view.openCasesBySeverity()).containsEntry(Severity.CRITICAL, 1L).containsEntry(Severity.LOW, 0L);
    }

    @Test
    void a_case_cited_by_an_enforcement_projected_before_the_case_itself_still_stops_its_sla() {
        register("a-1", "SG", 0);
        register("a-2", "SG", 0);
        // other segments may project the accounts' events before the case's, in any order: the earliest one wins
        projection.on(restriction("a-1", "r-1", EnforcementGrounds.ofCase("c-1")), 1, T0.plusSeconds(7200), "alice");
        projection.on(suspension("a-2", "s-1", EnforcementGrounds.ofCase("c-1")), 1, T0.plusSeconds(3600));
        projection.on(caseOpened("c-1", Severity.CRITICAL), 0, T0);

        assertThat(jdbc.queryForObject("select first_enforced_at from report_case_enforcement where case_id = 'c-1'",
                java.time.OffsetDateTime.class).toInstant()).isEqualTo(T0.plusSeconds(3600));
        DashboardView.SlaBreaches sla = dashboard().slaBreaches();
        assertThat(sla.openPastDeadline()).isZero();
        assertThat(sla.metLate()).isZero();
    }

    @Test
    void the_events_of_a_unit_of_work_are_written_together_when_it_commits() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            register("a-1", "SG", 0);
            register("a-2", "CN", 0);
            projection.on(violation("a-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 1, T0);
            projection.on(violation("a-2", "v-2", ViolationCategory.EXPORT_CONTROL, "UNSUPPORTED_REGION"), 1, T0);
            projection.on(new AccountFlaggedEvent("a-1", "bursty", List.of("v-1")), 2, T0, "alice");
            projection.on(restriction("a-1", "r-1", EnforcementGrounds.ofViolations(List.of("v-1"))), 3, T0, "alice");
            projection.on(new RestrictionLiftedEvent("a-1", "r-1", RestrictionKind.RATE_LIMIT, "ok"), 4, T0.plusSeconds(5));
            projection.on(violation("a-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 1, T0);
            assertThat(rowCount("report_account")).isZero();
            assertThat(rowCount("report_counter")).isZero();
            unitOfWork.commit();
        } finally {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback();
            }
        }

        DashboardView view = dashboard();
        assertThat(view.accountsByStatus()).containsEntry(AccountStatus.ACTIVE, 1L).containsEntry(AccountStatus.FLAGGED, 1L)
                .containsEntry(AccountStatus.RESTRICTED, 0L);
        assertThat(jdbc.queryForObject("select ended_at from report_action where action_id = 'r-1'",
                java.time.OffsetDateTime.class).toInstant()).isEqualTo(T0.plusSeconds(5));
        assertThat(rowCount("report_action_violation")).isEqualTo(2);
        assertThat(view.violationsByCategory()).containsEntry(ViolationCategory.USAGE_POLICY, 1L)
                .containsEntry(ViolationCategory.EXPORT_CONTROL, 1L);
        assertThat(view.violationsByCountry()).containsOnly(Map.entry("SG", 1L), Map.entry("CN", 1L));
    }

    @Test
    void the_report_lists_actions_citing_the_violation_and_case_grounded_actions_on_its_account() {
        register("a-1", "CN", 0);
        projection.on(violation("a-1", "v-1", ViolationCategory.EXPORT_CONTROL, "UNSUPPORTED_REGION"), 1, T0);
        projection.on(violation("a-1", "v-2", ViolationCategory.USAGE_POLICY, "DISTILLATION"), 2, T0.plusSeconds(1));
        projection.on(new AccountsLinkedToCaseEvent("c-9", List.of("a-1"), 1));
        projection.on(restriction("a-1", "r-1", EnforcementGrounds.ofViolations(List.of("v-1"))), 3, T0.plusSeconds(10), "alice");
        projection.on(suspension("a-1", "s-1", EnforcementGrounds.ofCase("c-9")), 4, T0.plusSeconds(20));

        List<ComplianceReportRow> exportControl = reportRows(ViolationCategory.EXPORT_CONTROL);
        assertThat(exportControl).hasSize(1);
        assertThat(exportControl.get(0).caseIds()).containsExactly("c-9");
        assertThat(exportControl.get(0).actions()).extracting(a -> a.actionId() + ":" + a.citedAs())
                .containsExactly("r-1:VIOLATION", "s-1:CASE");
        ComplianceTotals totals = reports.handle(new FindComplianceTotalsQuery(T0, T0.plusSeconds(3600), null));
        assertThat(totals.violations()).isEqualTo(2);
        assertThat(totals.unactionedViolations()).isZero();
        assertThat(totals.actionsByKind()).containsEntry(ActionKind.RESTRICT, 1L).containsEntry(ActionKind.SUSPEND, 1L)
                .containsEntry(ActionKind.BAN, 0L);
    }

    @Test
    void report_pages_follow_each_other_without_losing_or_repeating_a_row_when_detection_times_tie() {
        register("a-1", "SG", 0);
        register("a-2", "SG", 0);
        // five violations, three of them detected at the same instant, two with the same id on different accounts
        projection.on(violationAt("a-1", "v-b", T0), 1, T0);
        projection.on(violationAt("a-1", "v-a", T0), 2, T0);
        projection.on(violationAt("a-2", "v-a", T0), 1, T0);
        projection.on(violationAt("a-2", "v-c", T0.minusSeconds(1)), 2, T0);
        projection.on(violationAt("a-1", "v-d", T0.plusSeconds(1)), 3, T0);

        List<String> seen = new java.util.ArrayList<>();
        ComplianceReportPage.Cursor after = null;
        int pages = 0;
        do {
            ComplianceReportPage page = reports.handle(new FindComplianceReportPageQuery(T0.minusSeconds(60),
                    T0.plusSeconds(60), null, after, 2));
            page.items().forEach(r -> seen.add(r.accountId() + "/" + r.violationId()));
            after = page.next();
            pages++;
        } while (after != null && pages < 10);

        assertThat(seen).containsExactly("a-2/v-c", "a-1/v-a", "a-2/v-a", "a-1/v-b", "a-1/v-d");
        assertThat(pages).isEqualTo(3);
    }

    // ---- helpers

    private DashboardView dashboard() {
        return dashboard.handle(new FindDashboardQuery(7));
    }

    private List<ComplianceReportRow> reportRows(ViolationCategory category) {
        ComplianceReportPage page = reports.handle(new FindComplianceReportPageQuery(T0.minusSeconds(86_400),
                T0.plusSeconds(86_400), category, null, 100));
        return page.items();
    }

    private void register(String accountId, String country, long sequence) {
        projection.on(new AccountRegisteredEvent(accountId, "Org of " + accountId, null, country, Tier.FREE), sequence);
    }

    private static ViolationRecordedEvent violation(String accountId, String violationId, ViolationCategory category,
                                                    String policy) {
        return new ViolationRecordedEvent(accountId, violationId, category, policy, Severity.HIGH, T0,
                new Evidence("detector", "seen", null, null, null));
    }

    private static ViolationRecordedEvent violationAt(String accountId, String violationId, Instant detectedAt) {
        return new ViolationRecordedEvent(accountId, violationId, ViolationCategory.EXPORT_CONTROL, "UNSUPPORTED_REGION",
                Severity.CRITICAL, detectedAt, new Evidence("detector", "seen", null, null, null));
    }

    private static AccountRestrictedEvent restriction(String accountId, String restrictionId, EnforcementGrounds grounds) {
        return new AccountRestrictedEvent(accountId, restrictionId, RestrictionKind.RATE_LIMIT, "limit", grounds, null);
    }

    private static AccountSuspendedEvent suspension(String accountId, String actionId) {
        return suspension(accountId, actionId, EnforcementGrounds.ofViolations(List.of("v-1")));
    }

    private static AccountSuspendedEvent suspension(String accountId, String actionId, EnforcementGrounds grounds) {
        return new AccountSuspendedEvent(accountId, actionId, "distillation", grounds, "alice", null);
    }

    private static CaseOpenedEvent caseOpened(String caseId, Severity severity) {
        return new CaseOpenedEvent(caseId, "case " + caseId, CaseCategory.MIXED, severity, "summary", CaseTier.T1_TRIAGE, "alice");
    }

    /** Exactly one account, in {@code status}. */
    private static Map<AccountStatus, Long> statuses(AccountStatus status) {
        Map<AccountStatus, Long> expected = new EnumMap<>(AccountStatus.class);
        for (AccountStatus s : AccountStatus.values()) {
            expected.put(s, s == status ? 1L : 0L);
        }
        return expected;
    }
}
