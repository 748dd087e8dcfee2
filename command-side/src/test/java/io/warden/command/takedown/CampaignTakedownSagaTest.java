package io.warden.command.takedown;

import io.warden.api.events.CaseEnforcementApprovedEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRejectedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.types.AccountOutcome;
import io.warden.api.types.ActionKind;
import io.warden.command.account.ApplyCampaignActionCommand;
import io.warden.command.account.CampaignActionResult;
import io.warden.command.account.CampaignActions;
import io.warden.command.cases.RecordTakedownProgressCommand;
import io.warden.command.cases.TakedownPolicy;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.support.InMemoryCommandSideLookups;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The takedown saga: nothing happens before the start (the approval gate), then chunk by chunk every linked account
 * gets its command and each chunk's outcome (done, skipped with reason, failed with reason) is recorded on the case.
 */
class CampaignTakedownSagaTest {

    private static final String CASE = "case-1";
    private static final String TD = "td-1";

    private SagaTestFixture<CampaignTakedownSaga> fixture;
    private Map<String, Function<String, Object>> answers;

    @BeforeEach
    void setUp() {
        InMemoryCommandSideLookups lookups = new InMemoryCommandSideLookups()
                .withLink(CASE, "acc-1", "acc-2", "acc-3", "acc-4", "acc-5");
        fixture = new SagaTestFixture<>(CampaignTakedownSaga.class);
        fixture.registerResource(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        // chunks of two, sent on the calling thread so the recording bus sees them in order
        fixture.registerResource(new TakedownChunks(lookups, new TakedownPolicy(100, 2, 1), Runnable::run));
        answers = Map.of(
                "acc-2", id -> new CampaignActionResult(id, CampaignActions.actionId(TD, id),
                        CampaignActionResult.Outcome.SKIPPED, "already banned (action b-1)", false),
                "acc-4", id -> {
                    throw new CommandRefusedException("Account acc-4 is not linked to case case-1");
                },
                "acc-5", id -> {
                    throw new AggregateNotFoundException(id, "not found");
                });
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ApplyCampaignActionCommand command) {
                return answers.getOrDefault(command.accountId(), id -> new CampaignActionResult(id,
                        CampaignActions.actionId(TD, id), CampaignActionResult.Outcome.APPLIED, null, false))
                        .apply(command.accountId());
            }
            return null;
        });
    }

    private static CaseEnforcementRequestedEvent requested(boolean approval) {
        return new CaseEnforcementRequestedEvent(CASE, TD, ActionKind.SUSPEND, "campaign", 5, "alice", approval);
    }

    private static CaseEnforcementStartedEvent started(String approvedBy) {
        return new CaseEnforcementStartedEvent(CASE, TD, ActionKind.SUSPEND, "campaign", 5, "alice", approvedBy);
    }

    private static ApplyCampaignActionCommand apply(String accountId, String approvedBy) {
        return new ApplyCampaignActionCommand(accountId, TD, CASE, ActionKind.SUSPEND, "campaign", "alice", approvedBy);
    }

    @Test
    void a_takedown_awaiting_approval_touches_no_account() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(true))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void an_approved_takedown_acts_on_the_first_chunk_with_the_approver_and_records_it() {
        fixture.givenAPublished(requested(true))
                .andThenAPublished(new CaseEnforcementApprovedEvent(CASE, TD, ActionKind.SUSPEND, "alice", "bob", "ok"))
                .whenPublishingA(started("bob"))
                .expectDispatchedCommands(apply("acc-1", "bob"), apply("acc-2", "bob"),
                        new RecordTakedownProgressCommand(CASE, TD, null, "acc-2", 1, 1, 0,
                                List.of(new AccountOutcome("acc-2", "already banned (action b-1)")), List.of(), false));
    }

    @Test
    void each_recorded_chunk_brings_the_next_one_and_failures_carry_their_reason() {
        fixture.givenAPublished(requested(false))
                .andThenAPublished(started(null))
                .whenPublishingA(new CaseEnforcementProgressedEvent(CASE, TD, 1, 1, 0, "acc-2", List.of(), List.of(),
                        false))
                .expectDispatchedCommands(apply("acc-3", null), apply("acc-4", null),
                        new RecordTakedownProgressCommand(CASE, TD, "acc-2", "acc-4", 1, 0, 1, List.of(),
                                List.of(new AccountOutcome("acc-4", "Account acc-4 is not linked to case case-1")),
                                false));
    }

    @Test
    void the_short_last_chunk_finishes_the_takedown_and_an_unknown_account_is_a_failure() {
        fixture.givenAPublished(requested(false))
                .andThenAPublished(started(null))
                .whenPublishingA(new CaseEnforcementProgressedEvent(CASE, TD, 2, 1, 1, "acc-4", List.of(), List.of(),
                        false))
                .expectDispatchedCommands(apply("acc-5", null),
                        new RecordTakedownProgressCommand(CASE, TD, "acc-4", "acc-5", 0, 0, 1, List.of(),
                                List.of(new AccountOutcome("acc-5", "account acc-5 is not registered")), true));
    }

    @Test
    void the_last_progress_starts_no_further_chunk() {
        fixture.givenAPublished(requested(false))
                .andThenAPublished(started(null))
                .whenPublishingA(new CaseEnforcementProgressedEvent(CASE, TD, 2, 1, 2, "acc-5", List.of(), List.of(),
                        true))
                .expectNoDispatchedCommands();
    }

    @Test
    void completion_ends_the_saga() {
        fixture.givenAPublished(requested(false))
                .andThenAPublished(started(null))
                .whenPublishingA(new CaseEnforcementCompletedEvent(CASE, TD, ActionKind.SUSPEND, 5, 2, 1, 2))
                .expectActiveSagas(0);
    }

    @Test
    void a_rejected_takedown_ends_without_touching_any_account() {
        fixture.givenAPublished(requested(true))
                .whenPublishingA(new CaseEnforcementRejectedEvent(CASE, TD, ActionKind.SUSPEND, "alice", "bob", "no"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
