package io.warden.command.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseOutcome;
import io.warden.api.types.CaseTier;
import io.warden.api.types.ReferredViolation;
import io.warden.api.types.Severity;
import io.warden.api.types.WardenMetaData;
import io.warden.command.support.InMemoryCommandSideLookups;
import io.warden.command.support.InMemoryDeadlineIds;
import io.warden.command.support.InMemoryReferralLookups;
import io.warden.command.support.MutableClock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseSlaTest {

    private static final String CASE = "case-1";
    private static final Duration CRITICAL = Duration.ofHours(4);

    private InMemoryCommandSideLookups lookups;
    private InMemoryReferralLookups referrals;
    private InMemoryDeadlineIds deadlineIds;
    private FixtureConfiguration<Case> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryCommandSideLookups().withRegistered("acc-1", "acc-2", "acc-3");
        referrals = new InMemoryReferralLookups(lookups);
        deadlineIds = new InMemoryDeadlineIds();
        AggregateTestFixture<Case> aggregateFixture = new AggregateTestFixture<>(Case.class);
        fixture = aggregateFixture;
        now = aggregateFixture.currentTime();
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(new MutableClock(now));
        fixture.registerInjectableResource(CaseSlaPolicy.withDefaults());
        fixture.registerInjectableResource(deadlineIds);
        fixture.registerInjectableResource(referrals);
    }

    private static Map<String, ?> by(String actor) {
        return Map.of(WardenMetaData.ACTOR, actor);
    }

    private static OpenCaseCommand open(Severity severity) {
        return new OpenCaseCommand(CASE, "Distillation ring", CaseCategory.MIXED, severity, "three firms", List.of());
    }

    private static List<Object> byAlice(Object... commands) {
        return java.util.Arrays.stream(commands)
                .map(c -> (Object) GenericCommandMessage.asCommandMessage(c).andMetaData(by("alice")))
                .toList();
    }

    private CaseSlaDeadline slaOf(Severity severity, Duration allowed) {
        return new CaseSlaDeadline(CASE, severity, now.plus(allowed), now);
    }

    @Test
    void opening_a_case_schedules_its_sla_by_severity() {
        fixture.givenNoPriorActivity()
                .when(open(Severity.CRITICAL), by("alice"))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(CRITICAL, slaOf(Severity.CRITICAL, CRITICAL));
        assertThat(deadlineIds.holds(CaseSlaPolicy.key(CASE))).isTrue();
    }

    @Test
    void a_low_severity_case_has_seven_days() {
        fixture.givenNoPriorActivity()
                .when(open(Severity.LOW), by("alice"))
                .expectScheduledDeadline(Duration.ofDays(7), slaOf(Severity.LOW, Duration.ofDays(7)));
    }

    @Test
    void a_case_with_no_enforcement_and_no_resolution_in_time_breaches_its_sla() {
        fixture.givenCommands(byAlice(open(Severity.CRITICAL)))
                .whenTimeElapses(CRITICAL.plusSeconds(1))
                .expectDeadlinesMet(slaOf(Severity.CRITICAL, CRITICAL))
                .expectEvents(new CaseSlaBreachedEvent(CASE, Severity.CRITICAL, now.plus(CRITICAL), now));
    }

    @Test
    void no_breach_before_the_deadline() {
        fixture.givenCommands(byAlice(open(Severity.CRITICAL)))
                .whenTimeElapses(CRITICAL.minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadline(Duration.ofSeconds(1), slaOf(Severity.CRITICAL, CRITICAL));
    }

    @Test
    void the_first_enforcement_citing_the_case_cancels_the_sla_and_is_recorded() {
        fixture.givenCommands(byAlice(open(Severity.CRITICAL)))
                .when(new RecordCaseEnforcementCommand(CASE, "acc-1", "s-1", ActionKind.SUSPEND))
                .expectEvents(new CaseFirstEnforcedEvent(CASE, "acc-1", "s-1", ActionKind.SUSPEND))
                .expectNoScheduledDeadlines();
        assertThat(deadlineIds.holds(CaseSlaPolicy.key(CASE))).isFalse();
    }

    @Test
    void a_later_enforcement_citing_the_case_records_nothing() {
        fixture.givenCommands(byAlice(open(Severity.CRITICAL),
                        new RecordCaseEnforcementCommand(CASE, "acc-1", "s-1", ActionKind.SUSPEND)))
                .when(new RecordCaseEnforcementCommand(CASE, "acc-2", "s-2", ActionKind.BAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_enforced_case_does_not_breach_when_its_time_passes() {
        fixture.givenCommands(byAlice(open(Severity.CRITICAL),
                        new RecordCaseEnforcementCommand(CASE, "acc-1", "s-1", ActionKind.SUSPEND)))
                .whenTimeElapses(CRITICAL.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void resolving_the_case_cancels_the_sla() {
        fixture.givenCommands(byAlice(open(Severity.HIGH)))
                .when(new ResolveCaseCommand(CASE, CaseOutcome.NO_ACTION_NEEDED, "false positive"), by("alice"))
                .expectEvents(new CaseResolvedEvent(CASE, CaseOutcome.NO_ACTION_NEEDED, "false positive", "alice"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_deadline_that_fires_despite_a_resolution_records_nothing() {
        // the cancellation and the deadline may race on different instances; the case's state decides
        fixture.given(new CaseOpenedEvent(CASE, "t", CaseCategory.MIXED, Severity.HIGH, null, CaseTier.T1_TRIAGE, "alice"),
                        new CaseResolvedEvent(CASE, CaseOutcome.NO_ACTION_NEEDED, "false positive", "alice"))
                .whenInvoking(CASE, c -> c.on(new CaseSlaDeadline(CASE, Severity.HIGH, now, now), deadlineIds))
                .expectNoEvents();
    }

    @Test
    void escalating_to_external_referral_attaches_the_export_control_violations_of_linked_accounts() {
        lookups.withLink(CASE, "acc-1", "acc-2");
        referrals.exportControlViolationRecorded("acc-2", "ec-2", "UNSUPPORTED_REGION");
        referrals.exportControlViolationRecorded("acc-1", "ec-1", "RESTRICTED_PARTY");
        referrals.exportControlViolationRecorded("acc-3", "ec-3", "RESTRICTED_PARTY");
        fixture.given(new CaseOpenedEvent(CASE, "t", CaseCategory.EXPORT_CONTROL, Severity.HIGH, null,
                                CaseTier.T1_TRIAGE, "alice"),
                        new AccountsLinkedToCaseEvent(CASE, List.of("acc-1", "acc-2"), 2))
                .when(new EscalateCaseCommand(CASE, CaseTier.T4_EXTERNAL_REFERRAL, "entity list match"), by("alice"))
                .expectEvents(
                        new CaseEscalatedEvent(CASE, CaseTier.T1_TRIAGE, CaseTier.T4_EXTERNAL_REFERRAL, "entity list match"),
                        new CaseReferredExternallyEvent(CASE, "referral-" + CASE, "entity list match", List.of(
                                new ReferredViolation("ec-1", "acc-1", "RESTRICTED_PARTY"),
                                new ReferredViolation("ec-2", "acc-2", "UNSUPPORTED_REGION"))));
    }

    @Test
    void escalating_below_external_referral_refers_nothing() {
        fixture.given(new CaseOpenedEvent(CASE, "t", CaseCategory.EXPORT_CONTROL, Severity.HIGH, null,
                        CaseTier.T1_TRIAGE, "alice"))
                .when(new EscalateCaseCommand(CASE, CaseTier.T3_LEGAL, "counsel"), by("alice"))
                .expectEvents(new CaseEscalatedEvent(CASE, CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "counsel"));
    }
}
