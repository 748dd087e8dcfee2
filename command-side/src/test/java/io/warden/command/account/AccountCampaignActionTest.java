package io.warden.command.account;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.CampaignActionSkippedEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Tier;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.lookup.TakedownRecord;
import io.warden.command.support.InMemoryCommandSideLookups;
import io.warden.command.support.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** One account's part of a campaign takedown: applied citing the case, skipped with a reason, never twice. */
class AccountCampaignActionTest {

    private static final String ACCOUNT = "acc-1";
    private static final String CASE = "case-1";
    private static final String TAKEDOWN = "td-1";
    private static final Instant NOW = Instant.parse("2026-02-23T09:15:00Z");
    private static final EnforcementGrounds BY_CASE = EnforcementGrounds.ofCase(CASE);
    private static final String ACTION_ID = CampaignActions.actionId(TAKEDOWN, ACCOUNT);

    private InMemoryCommandSideLookups lookups;
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryCommandSideLookups().withLink(CASE, ACCOUNT);
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(new MutableClock(NOW));
        fixture.registerInjectableResource(FourEyesPolicy.withDefaults());
        fixture.registerInjectableResource(lookups);
    }

    private static AccountRegisteredEvent registered(Tier tier) {
        return new AccountRegisteredEvent(ACCOUNT, "Acme Labs", "org-acme", "US", tier);
    }

    private void started(ActionKind action, String approvedBy) {
        lookups.withStartedTakedown(new TakedownRecord(TAKEDOWN, CASE, action, "alice", approvedBy, true));
    }

    private static ApplyCampaignActionCommand apply(ActionKind action, String approvedBy) {
        return new ApplyCampaignActionCommand(ACCOUNT, TAKEDOWN, CASE, action, "campaign", "alice", approvedBy);
    }

    private static CampaignActionResult result(CampaignActionResult.Outcome outcome, String reason, boolean repeated) {
        return new CampaignActionResult(ACCOUNT, ACTION_ID, outcome, reason, repeated);
    }

    @Test
    void an_approved_suspension_takedown_suspends_the_account_citing_the_case_with_the_takedown_approver() {
        started(ActionKind.SUSPEND, "bob");
        fixture.given(registered(Tier.ENTERPRISE))
                .when(apply(ActionKind.SUSPEND, "bob"))
                .expectEvents(new AccountSuspendedEvent(ACCOUNT, ACTION_ID, "campaign", BY_CASE, "alice", "bob"))
                .expectResultMessagePayload(result(CampaignActionResult.Outcome.APPLIED, null, false));
    }

    @Test
    void a_suspension_that_needs_no_four_eyes_records_no_approver() {
        started(ActionKind.SUSPEND, null);
        fixture.given(registered(Tier.PRO))
                .when(apply(ActionKind.SUSPEND, null))
                .expectEvents(new AccountSuspendedEvent(ACCOUNT, ACTION_ID, "campaign", BY_CASE, "alice", null));
    }

    @Test
    void an_unapproved_takedown_only_proposes_an_enterprise_suspension() {
        started(ActionKind.SUSPEND, null);
        fixture.given(registered(Tier.ENTERPRISE))
                .when(apply(ActionKind.SUSPEND, null))
                .expectEvents(new EnforcementProposedEvent(ACCOUNT, ACTION_ID, ActionKind.SUSPEND, "campaign", BY_CASE,
                        "alice", NOW.plus(FourEyesPolicy.DEFAULT_PROPOSAL_LIFETIME)))
                .expectResultMessagePayload(result(CampaignActionResult.Outcome.PROPOSED,
                        "an ENTERPRISE suspension needs a second person; proposed as " + ACTION_ID, false));
    }

    @Test
    void an_approved_ban_takedown_bans_directly_with_the_takedown_approver() {
        started(ActionKind.BAN, "bob");
        fixture.given(registered(Tier.FREE))
                .when(apply(ActionKind.BAN, "bob"))
                .expectEvents(new AccountBannedEvent(ACCOUNT, ACTION_ID, "campaign", BY_CASE, "alice", "bob"));
    }

    @Test
    void a_restriction_takedown_restricts_model_access() {
        started(ActionKind.RESTRICT, null);
        fixture.given(registered(Tier.FREE))
                .when(apply(ActionKind.RESTRICT, null))
                .expectEvents(new AccountRestrictedEvent(ACCOUNT, ACTION_ID, RestrictionKind.MODEL_ACCESS, "campaign",
                        BY_CASE, null));
    }

    @Test
    void a_banned_account_is_skipped_with_the_reason_on_its_own_trail() {
        started(ActionKind.SUSPEND, "bob");
        fixture.given(registered(Tier.FREE),
                        new AccountBannedEvent(ACCOUNT, "ban-1", "earlier", BY_CASE, "carl", "dora"))
                .when(apply(ActionKind.SUSPEND, "bob"))
                .expectEvents(new CampaignActionSkippedEvent(ACCOUNT, CASE, TAKEDOWN, ActionKind.SUSPEND,
                        "already banned (action ban-1)"))
                .expectResultMessagePayload(result(CampaignActionResult.Outcome.SKIPPED,
                        "already banned (action ban-1)", false));
    }

    @Test
    void a_suspended_account_is_skipped_by_a_suspension_takedown() {
        started(ActionKind.SUSPEND, "bob");
        fixture.given(registered(Tier.FREE),
                        new AccountSuspendedEvent(ACCOUNT, "s-1", "earlier", BY_CASE, "carl", null))
                .when(apply(ActionKind.SUSPEND, "bob"))
                .expectEvents(new CampaignActionSkippedEvent(ACCOUNT, CASE, TAKEDOWN, ActionKind.SUSPEND,
                        "already suspended (action s-1)"));
    }

    @Test
    void the_same_takedown_applied_again_answers_its_first_outcome_and_records_nothing() {
        started(ActionKind.SUSPEND, "bob");
        fixture.given(registered(Tier.FREE),
                        new AccountSuspendedEvent(ACCOUNT, ACTION_ID, "campaign", BY_CASE, "alice", null))
                .when(apply(ActionKind.SUSPEND, "bob"))
                .expectNoEvents()
                .expectResultMessagePayload(result(CampaignActionResult.Outcome.APPLIED, null, true));
    }

    @Test
    void a_repeated_skip_is_answered_again_without_a_second_skip_event() {
        started(ActionKind.SUSPEND, "bob");
        fixture.given(registered(Tier.FREE),
                        new CampaignActionSkippedEvent(ACCOUNT, CASE, TAKEDOWN, ActionKind.SUSPEND, "already banned"))
                .when(apply(ActionKind.SUSPEND, "bob"))
                .expectNoEvents()
                .expectResultMessagePayload(result(CampaignActionResult.Outcome.SKIPPED, "already banned", true));
    }

    @Test
    void a_takedown_action_reinstated_since_is_not_imposed_again() {
        started(ActionKind.SUSPEND, "bob");
        fixture.given(registered(Tier.FREE),
                        new AccountSuspendedEvent(ACCOUNT, ACTION_ID, "campaign", BY_CASE, "alice", null),
                        new AccountReinstatedEvent(ACCOUNT, "mistake", ReinstatementCause.MANUAL, List.of(ACTION_ID),
                                null))
                .when(apply(ActionKind.SUSPEND, "bob"))
                .expectNoEvents();
    }

    @Test
    void a_claimed_approval_that_the_takedown_does_not_have_is_refused() {
        started(ActionKind.BAN, "bob");
        fixture.given(registered(Tier.FREE))
                .when(apply(ActionKind.BAN, "mallory"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("does not match takedown"));
    }

    @Test
    void a_ban_from_a_takedown_approved_by_its_own_requester_is_refused() {
        lookups.withStartedTakedown(new TakedownRecord(TAKEDOWN, CASE, ActionKind.BAN, "alice", "alice", true));
        fixture.given(registered(Tier.FREE))
                .when(apply(ActionKind.BAN, "alice"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("second person"));
    }

    @Test
    void a_takedown_that_has_not_started_acts_on_nothing() {
        lookups.withStartedTakedown(new TakedownRecord(TAKEDOWN, CASE, ActionKind.SUSPEND, "alice", null, false));
        fixture.given(registered(Tier.FREE))
                .when(apply(ActionKind.SUSPEND, null))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("has not started"));
    }

    @Test
    void an_account_not_linked_to_the_case_is_refused() {
        lookups = new InMemoryCommandSideLookups();
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(new MutableClock(NOW));
        fixture.registerInjectableResource(FourEyesPolicy.withDefaults());
        fixture.registerInjectableResource(lookups);
        started(ActionKind.SUSPEND, null);
        fixture.given(registered(Tier.FREE))
                .when(apply(ActionKind.SUSPEND, null))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("not linked to case"));
    }
}
