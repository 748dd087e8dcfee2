package io.warden.command.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseEnforcementApprovedEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRejectedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.types.AccountOutcome;
import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseOutcome;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.api.types.WardenMetaData;
import io.warden.command.account.FourEyesPolicy;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.support.InMemoryCommandSideLookups;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/** The case's side of a takedown: the approval gate, one takedown at a time, progress counted once. */
class CaseTakedownTest {

    private static final String CASE = "case-1";
    private static final String TD = "td-1";

    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(new InMemoryCommandSideLookups());
        fixture.registerInjectableResource(FourEyesPolicy.withDefaults());
        fixture.registerInjectableResource(new TakedownPolicy(2, 500, 1));
    }

    private static Map<String, ?> by(String actor) {
        return Map.of(WardenMetaData.ACTOR, actor);
    }

    private static CaseOpenedEvent opened() {
        return new CaseOpenedEvent(CASE, "Distillation ring", CaseCategory.MIXED, Severity.CRITICAL, "s",
                CaseTier.T1_TRIAGE, "alice");
    }

    private static AccountsLinkedToCaseEvent linked(String... ids) {
        return new AccountsLinkedToCaseEvent(CASE, List.of(ids), ids.length);
    }

    private static CaseEnforcementRequestedEvent requested(ActionKind action, long total, boolean approval) {
        return new CaseEnforcementRequestedEvent(CASE, TD, action, "campaign", total, "alice", approval);
    }

    private static CaseEnforcementStartedEvent started(ActionKind action, long total, String approvedBy) {
        return new CaseEnforcementStartedEvent(CASE, TD, action, "campaign", total, "alice", approvedBy);
    }

    @Test
    void a_takedown_within_the_threshold_starts_at_once() {
        fixture.given(opened(), linked("a", "b"))
                .when(new RequestCaseEnforcementCommand(CASE, TD, ActionKind.SUSPEND, "campaign"), by("alice"))
                .expectEvents(requested(ActionKind.SUSPEND, 2, false), started(ActionKind.SUSPEND, 2, null))
                .expectResultMessagePayload(CommandResult.changed(TD, 3, "RUNNING"));
    }

    @Test
    void a_takedown_over_the_threshold_waits_for_approval() {
        fixture.given(opened(), linked("a", "b", "c"))
                .when(new RequestCaseEnforcementCommand(CASE, TD, ActionKind.SUSPEND, "campaign"), by("alice"))
                .expectEvents(requested(ActionKind.SUSPEND, 3, true))
                .expectResultMessagePayload(CommandResult.pending(TD, 2));
    }

    @Test
    void a_ban_takedown_of_any_size_waits_for_approval() {
        fixture.given(opened(), linked("a"))
                .when(new RequestCaseEnforcementCommand(CASE, TD, ActionKind.BAN, "campaign"), by("alice"))
                .expectEvents(requested(ActionKind.BAN, 1, true));
    }

    @Test
    void a_second_person_approving_starts_the_takedown() {
        fixture.given(opened(), linked("a", "b", "c"), requested(ActionKind.SUSPEND, 3, true))
                .when(new ApproveCaseEnforcementCommand(CASE, TD, "ok"), by("bob"))
                .expectEvents(new CaseEnforcementApprovedEvent(CASE, TD, ActionKind.SUSPEND, "alice", "bob", "ok"),
                        started(ActionKind.SUSPEND, 3, "bob"));
    }

    @Test
    void the_requester_cannot_approve_their_own_takedown() {
        fixture.given(opened(), linked("a", "b", "c"), requested(ActionKind.SUSPEND, 3, true))
                .when(new ApproveCaseEnforcementCommand(CASE, TD, "ok"), by("alice"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("a second person must approve it"));
    }

    @Test
    void a_rejected_takedown_cannot_be_approved_afterwards() {
        fixture.given(opened(), linked("a", "b", "c"), requested(ActionKind.SUSPEND, 3, true),
                        new CaseEnforcementRejectedEvent(CASE, TD, ActionKind.SUSPEND, "alice", "bob", "no"))
                .when(new ApproveCaseEnforcementCommand(CASE, TD, "ok"), by("carol"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("no longer pending (REJECTED)"));
    }

    @Test
    void rejecting_records_who_rejected() {
        fixture.given(opened(), linked("a", "b", "c"), requested(ActionKind.SUSPEND, 3, true))
                .when(new RejectCaseEnforcementCommand(CASE, TD, "no"), by("bob"))
                .expectEvents(new CaseEnforcementRejectedEvent(CASE, TD, ActionKind.SUSPEND, "alice", "bob", "no"));
    }

    @Test
    void only_one_takedown_runs_at_a_time() {
        fixture.given(opened(), linked("a"), requested(ActionKind.SUSPEND, 1, false), started(ActionKind.SUSPEND, 1, null))
                .when(new RequestCaseEnforcementCommand(CASE, "td-2", ActionKind.SUSPEND, "again"), by("alice"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("still running"));
    }

    @Test
    void a_case_without_linked_accounts_has_nothing_to_take_down() {
        fixture.given(opened())
                .when(new RequestCaseEnforcementCommand(CASE, TD, ActionKind.SUSPEND, "campaign"), by("alice"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("no linked accounts"));
    }

    @Test
    void a_resolved_case_is_not_taken_down() {
        fixture.given(opened(), linked("a"), new CaseResolvedEvent(CASE, CaseOutcome.ACTION_TAKEN, "done", "alice"))
                .when(new RequestCaseEnforcementCommand(CASE, TD, ActionKind.SUSPEND, "campaign"), by("alice"))
                .expectException(CommandRefusedException.class);
    }

    @Test
    void progress_adds_up_and_the_last_chunk_completes_the_takedown() {
        List<AccountOutcome> skips = List.of(new AccountOutcome("b", "already banned"));
        fixture.given(opened(), linked("a", "b"), requested(ActionKind.SUSPEND, 2, false),
                        started(ActionKind.SUSPEND, 2, null),
                        new CaseEnforcementProgressedEvent(CASE, TD, 1, 0, 0, "a", List.of(), List.of(), false))
                .when(new RecordTakedownProgressCommand(CASE, TD, "a", "b", 0, 1, 0, skips, List.of(), true))
                .expectEvents(new CaseEnforcementProgressedEvent(CASE, TD, 1, 1, 0, "b", skips, List.of(), true),
                        new CaseEnforcementCompletedEvent(CASE, TD, ActionKind.SUSPEND, 2, 1, 1, 0));
    }

    @Test
    void a_chunk_recorded_before_is_not_counted_twice() {
        fixture.given(opened(), linked("a", "b"), requested(ActionKind.SUSPEND, 2, false),
                        started(ActionKind.SUSPEND, 2, null),
                        new CaseEnforcementProgressedEvent(CASE, TD, 1, 0, 0, "a", List.of(), List.of(), false))
                .when(new RecordTakedownProgressCommand(CASE, TD, null, "a", 1, 0, 0, List.of(), List.of(), false))
                .expectNoEvents();
    }

    @Test
    void after_completion_a_new_takedown_may_be_requested() {
        fixture.given(opened(), linked("a"), requested(ActionKind.SUSPEND, 1, false), started(ActionKind.SUSPEND, 1, null),
                        new CaseEnforcementCompletedEvent(CASE, TD, ActionKind.SUSPEND, 1, 1, 0, 0))
                .when(new RequestCaseEnforcementCommand(CASE, "td-2", ActionKind.RESTRICT, "again"), by("alice"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_case_resolved_while_its_takedown_ran_stays_resolved_after_completion() {
        fixture.given(opened(), linked("a"), requested(ActionKind.SUSPEND, 1, false), started(ActionKind.SUSPEND, 1, null),
                        new CaseResolvedEvent(CASE, CaseOutcome.ACTION_TAKEN, "done", "alice"),
                        new CaseEnforcementCompletedEvent(CASE, TD, ActionKind.SUSPEND, 1, 1, 0, 0))
                .when(new AssignCaseCommand(CASE, "bob"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("is resolved"));
    }

    @Test
    void a_running_takedown_is_recorded_as_enforcing_and_completion_opens_the_case_again() {
        fixture.given(opened(), linked("a"), requested(ActionKind.SUSPEND, 1, false), started(ActionKind.SUSPEND, 1, null))
                .when(new RecordTakedownProgressCommand(CASE, TD, null, "a", 1, 0, 0, List.of(), List.of(), true))
                .expectResultMessagePayload(CommandResult.changed(TD, 5, "OPEN"));
    }
}
