package io.warden.command.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseOutcome;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.support.InMemoryCommandSideLookups;
import io.warden.command.support.InMemoryDeadlineIds;
import io.warden.command.support.InMemoryReferralLookups;
import io.warden.command.support.MutableClock;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

class CaseTest {

    private static final String CASE = "case-1";

    private InMemoryCommandSideLookups lookups;
    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryCommandSideLookups().withRegistered("acc-1", "acc-2", "acc-3");
        AggregateTestFixture<Case> aggregateFixture = new AggregateTestFixture<>(Case.class);
        fixture = aggregateFixture;
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(new MutableClock(aggregateFixture.currentTime()));
        fixture.registerInjectableResource(CaseSlaPolicy.withDefaults());
        fixture.registerInjectableResource(new InMemoryDeadlineIds());
        fixture.registerInjectableResource(new InMemoryReferralLookups(lookups));
    }

    private static Map<String, ?> by(String actor) {
        return Map.of(WardenMetaData.ACTOR, actor);
    }

    private static CaseOpenedEvent opened() {
        return new CaseOpenedEvent(CASE, "Distillation ring", CaseCategory.MIXED, Severity.CRITICAL,
                "three firms, one playbook", CaseTier.T1_TRIAGE, "alice");
    }

    private static CaseResolvedEvent resolved() {
        return new CaseResolvedEvent(CASE, CaseOutcome.ACTION_TAKEN, "accounts banned", "alice");
    }

    private static List<String> ids(String prefix, int from, int toExclusive) {
        return IntStream.range(from, toExclusive).mapToObj(i -> String.format("%s%05d", prefix, i)).toList();
    }

    @Nested
    class Opening {

        @Test
        void opening_a_case_starts_it_open_in_triage() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCaseCommand(CASE, "Distillation ring", CaseCategory.MIXED, Severity.CRITICAL,
                            "three firms, one playbook", null), by("alice"))
                    .expectEvents(opened())
                    .expectResultMessagePayload(CommandResult.changed(CASE, 0, "OPEN"));
        }

        @Test
        void opening_a_case_with_accounts_links_each_of_them_once_from_the_start() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCaseCommand(CASE, "Distillation ring", CaseCategory.MIXED, Severity.CRITICAL,
                            "three firms, one playbook", List.of("acc-2", "acc-1", "acc-2")), by("alice"))
                    .expectEvents(opened(), new AccountsLinkedToCaseEvent(CASE, List.of("acc-2", "acc-1"), 2))
                    .expectResultMessagePayload(CommandResult.changed(CASE, 1, "OPEN"));
        }

        @Test
        void opening_a_case_with_unregistered_accounts_is_invalid() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCaseCommand(CASE, "Distillation ring", CaseCategory.MIXED, Severity.CRITICAL,
                            "summary", List.of("acc-1", "ghost")), by("alice"))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(containsString("1 of the accounts to link to case case-1 is not "
                            + "registered: ghost"));
        }

        @Test
        void opening_a_case_without_a_title_is_invalid() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCaseCommand(CASE, " ", CaseCategory.MIXED, Severity.CRITICAL, "summary", null),
                            by("alice"))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(containsString("title"));
        }
    }

    @Nested
    class LinkingAccounts {

        @Test
        void linking_accounts_links_only_those_not_linked_yet_each_once() {
            fixture.given(opened(), new AccountsLinkedToCaseEvent(CASE, List.of("acc-1"), 1))
                    .when(new LinkAccountsToCaseCommand(CASE, List.of("acc-1", "acc-2", "acc-3", "acc-2")), by("alice"))
                    .expectEvents(new AccountsLinkedToCaseEvent(CASE, List.of("acc-2", "acc-3"), 3))
                    .expectResultMessagePayload(CommandResult.changed(CASE, 2, "OPEN"));
        }

        @Test
        void linking_only_accounts_already_linked_changes_nothing() {
            fixture.given(opened(), new AccountsLinkedToCaseEvent(CASE, List.of("acc-1", "acc-2"), 2))
                    .when(new LinkAccountsToCaseCommand(CASE, List.of("acc-2", "acc-1")), by("alice"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandResult.unchanged(CASE, 1, "OPEN"));
        }

        @Test
        void linking_a_whole_campaign_in_batches_counts_every_account_linked_so_far() {
            List<String> firstBatches = ids("acc-", 0, 20_000);
            List<String> lastBatch = ids("acc-", 20_000, 24_000);
            lookups.withRegistered(lastBatch.toArray(String[]::new));
            fixture.given(opened(), new AccountsLinkedToCaseEvent(CASE, firstBatches, 20_000))
                    .when(new LinkAccountsToCaseCommand(CASE, lastBatch), by("alice"))
                    .expectEvents(new AccountsLinkedToCaseEvent(CASE, lastBatch, 24_000))
                    .expectResultMessagePayload(CommandResult.changed(CASE, 2, "OPEN"));
        }

        @Test
        void linking_more_than_ten_thousand_accounts_in_one_command_is_invalid() {
            fixture.given(opened())
                    .when(new LinkAccountsToCaseCommand(CASE, ids("acc-", 0, 10_001)), by("alice"))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(containsString("accountIds names 10001 accounts; link at most 10000 a call"));
        }

        @Test
        void linking_no_accounts_is_invalid() {
            fixture.given(opened())
                    .when(new LinkAccountsToCaseCommand(CASE, List.of()), by("alice"))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(containsString("at least one account"));
        }

        @Test
        void linking_unregistered_accounts_is_invalid_and_names_up_to_ten_of_them() {
            List<String> ghosts = ids("ghost-", 1, 13);
            List<String> requested = new ArrayList<>(ghosts);
            requested.add("acc-1");
            fixture.given(opened())
                    .when(new LinkAccountsToCaseCommand(CASE, requested), by("alice"))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(allOf(
                            containsString("12 of the accounts to link to case case-1 are not registered: "
                                    + "ghost-00001, ghost-00002"),
                            containsString("ghost-00010 and 2 more; register them first"),
                            not(containsString("ghost-00011"))));
        }

        @Test
        void linking_accounts_to_a_resolved_case_is_refused() {
            fixture.given(opened(), resolved())
                    .when(new LinkAccountsToCaseCommand(CASE, List.of("acc-1")), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Case case-1 is resolved, so you cannot link accounts to it"));
        }

        @Test
        void linking_accounts_to_an_unknown_case_fails() {
            fixture.givenNoPriorActivity()
                    .when(new LinkAccountsToCaseCommand(CASE, List.of("acc-1")), by("alice"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Assigning {

        @Test
        void assigning_a_case_records_the_assignee() {
            fixture.given(opened())
                    .when(new AssignCaseCommand(CASE, "bob"), by("alice"))
                    .expectEvents(new CaseAssignedEvent(CASE, "bob", null))
                    .expectResultMessagePayload(CommandResult.changed(CASE, 1, "OPEN"));
        }

        @Test
        void reassigning_a_case_records_the_previous_assignee() {
            fixture.given(opened(), new CaseAssignedEvent(CASE, "bob", null))
                    .when(new AssignCaseCommand(CASE, "erin"), by("alice"))
                    .expectEvents(new CaseAssignedEvent(CASE, "erin", "bob"))
                    .expectResultMessagePayload(CommandResult.changed(CASE, 2, "OPEN"));
        }

        @Test
        void assigning_a_case_to_its_current_assignee_changes_nothing() {
            fixture.given(opened(), new CaseAssignedEvent(CASE, "bob", null))
                    .when(new AssignCaseCommand(CASE, "bob"), by("alice"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandResult.unchanged(CASE, 1, "OPEN"));
        }

        @Test
        void assigning_a_resolved_case_is_refused() {
            fixture.given(opened(), resolved())
                    .when(new AssignCaseCommand(CASE, "bob"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Case case-1 is resolved, so you cannot reassign it"));
        }
    }

    @Nested
    class Escalating {

        @Test
        void escalating_a_case_moves_it_up_one_or_more_tiers() {
            fixture.given(opened())
                    .when(new EscalateCaseCommand(CASE, CaseTier.T3_LEGAL, "export control breach"), by("alice"))
                    .expectEvents(new CaseEscalatedEvent(CASE, CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL,
                            "export control breach"))
                    .expectResultMessagePayload(CommandResult.changed(CASE, 1, "OPEN"));
        }

        @Test
        void escalating_a_case_to_the_tier_it_is_at_is_refused() {
            fixture.given(opened(), new CaseEscalatedEvent(CASE, CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "legal"))
                    .when(new EscalateCaseCommand(CASE, CaseTier.T3_LEGAL, "again"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Case case-1 is already at T3_LEGAL; escalation only goes up"));
        }

        @Test
        void escalating_a_case_to_a_lower_tier_is_refused() {
            fixture.given(opened(), new CaseEscalatedEvent(CASE, CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "legal"))
                    .when(new EscalateCaseCommand(CASE, CaseTier.T2_INVESTIGATION, "back down"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Case case-1 is already at T3_LEGAL; escalation only goes up"));
        }

        @Test
        void escalating_a_resolved_case_is_refused() {
            fixture.given(opened(), resolved())
                    .when(new EscalateCaseCommand(CASE, CaseTier.T4_EXTERNAL_REFERRAL, "refer"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Case case-1 is resolved, so you cannot escalate it"));
        }
    }

    @Nested
    class NotingAndResolving {

        @Test
        void adding_a_note_records_its_author() {
            fixture.given(opened())
                    .when(new AddCaseNoteCommand(CASE, "n-1", "same payment card on 300 accounts"), by("alice"))
                    .expectEvents(new CaseNoteAddedEvent(CASE, "n-1", "same payment card on 300 accounts", "alice"))
                    .expectResultMessagePayload(CommandResult.changed("n-1", 1, "OPEN"));
        }

        @Test
        void adding_a_note_to_a_resolved_case_is_allowed() {
            fixture.given(opened(), resolved())
                    .when(new AddCaseNoteCommand(CASE, "n-1", "regulator acknowledged"), by("bob"))
                    .expectEvents(new CaseNoteAddedEvent(CASE, "n-1", "regulator acknowledged", "bob"))
                    .expectResultMessagePayload(CommandResult.changed("n-1", 2, "RESOLVED"));
        }

        @Test
        void resolving_a_case_closes_it_naming_who_resolved_it() {
            fixture.given(opened())
                    .when(new ResolveCaseCommand(CASE, CaseOutcome.ACTION_TAKEN, "accounts banned"), by("alice"))
                    .expectEvents(resolved())
                    .expectResultMessagePayload(CommandResult.changed(CASE, 1, "RESOLVED"));
        }

        @Test
        void resolving_a_case_that_is_already_resolved_is_refused() {
            fixture.given(opened(), resolved())
                    .when(new ResolveCaseCommand(CASE, CaseOutcome.DUPLICATE, "again"), by("bob"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Case case-1 is already resolved"));
        }
    }
}
