package io.warden.command.account;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.AppealDecidedEvent;
import io.warden.api.events.AppealFiledEvent;
import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.AppealOutcome;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.UnknownResourceException;
import io.warden.command.support.InMemoryCommandSideLookups;
import io.warden.command.support.InMemoryDeadlineIds;
import io.warden.command.support.MutableClock;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class AccountTest {

    private static final String ACCOUNT = "acc-1";
    private static final Instant NOW = Instant.parse("2026-02-23T09:15:00Z");
    private static final Instant DETECTED = Instant.parse("2026-02-22T18:00:00Z");
    private static final Evidence EVIDENCE = new Evidence("distill-detector", "2.1M near-duplicate prompts", 0.97,
            2_100_000L, "US");
    private static final EnforcementGrounds V1 = EnforcementGrounds.ofViolations(List.of("v-1"));
    private static final Instant PROPOSAL_EXPIRY = NOW.plus(FourEyesPolicy.DEFAULT_PROPOSAL_LIFETIME);

    private MutableClock clock;
    private InMemoryCommandSideLookups lookups;
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW);
        lookups = new InMemoryCommandSideLookups();
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(FourEyesPolicy.withDefaults());
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(new InMemoryDeadlineIds());
    }

    // ---- events and metadata used as history

    private static Map<String, ?> by(String actor) {
        return Map.of(WardenMetaData.ACTOR, actor);
    }

    private static AccountRegisteredEvent registered(Tier tier) {
        return new AccountRegisteredEvent(ACCOUNT, "Acme Labs", "org-acme", "US", tier);
    }

    private static ViolationRecordedEvent violation(String violationId) {
        return new ViolationRecordedEvent(ACCOUNT, violationId, ViolationCategory.USAGE_POLICY, "DISTILLATION",
                Severity.HIGH, DETECTED, EVIDENCE);
    }

    private static AccountSuspendedEvent suspended(String actionId, String by, String approvedBy) {
        return new AccountSuspendedEvent(ACCOUNT, actionId, "distillation", V1, by, approvedBy);
    }

    private static EnforcementProposedEvent proposed(String actionId, ActionKind kind, String by, Instant expiresAt) {
        return new EnforcementProposedEvent(ACCOUNT, actionId, kind, "distillation", V1, by, expiresAt);
    }

    private static Object[] bannedBy(String actionId, String proposer, String approver) {
        return new Object[]{
                proposed(actionId, ActionKind.BAN, proposer, PROPOSAL_EXPIRY),
                new EnforcementApprovedEvent(ACCOUNT, actionId, ActionKind.BAN, proposer, approver, "clear case"),
                new AccountBannedEvent(ACCOUNT, actionId, "distillation", V1, proposer, approver)};
    }

    private static Object[] history(Object... events) {
        return Arrays.stream(events)
                .flatMap(e -> e instanceof Object[] many ? Arrays.stream(many) : Stream.of(e))
                .toArray();
    }

    @Nested
    class Registering {

        private final RegisterAccountCommand register =
                new RegisterAccountCommand(ACCOUNT, "Acme Labs", "org-acme", "US", Tier.PRO);

        @Test
        void registering_a_new_account_records_it_as_active() {
            fixture.givenNoPriorActivity()
                    .when(register)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered(Tier.PRO))
                    .expectResultMessagePayload(CommandResult.changed(ACCOUNT, 0, "ACTIVE"));
        }

        @Test
        void registering_an_account_again_with_the_same_data_changes_nothing_and_answers_its_current_state() {
            fixture.given(registered(Tier.PRO), violation("v-1"),
                            new AccountFlaggedEvent(ACCOUNT, "watch", List.of("v-1")))
                    .when(register)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandResult.unchanged(ACCOUNT, 2, "FLAGGED"));
        }

        @Test
        void registering_an_account_again_with_different_data_is_refused() {
            fixture.given(registered(Tier.PRO))
                    .when(new RegisterAccountCommand(ACCOUNT, "Acme Labs", "org-acme", "DE", Tier.ENTERPRISE))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(allOf(
                            containsString("Account acc-1 is already registered with different data"),
                            containsString("country is US, not DE"),
                            containsString("tier is PRO, not ENTERPRISE")));
        }

        @Test
        void registering_an_account_without_a_tier_is_invalid() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccountCommand(ACCOUNT, "Acme Labs", null, "US", null))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(containsString("tier"));
        }
    }

    @Nested
    class RecordingViolations {

        private final RecordViolationCommand record = new RecordViolationCommand(ACCOUNT, "v-1",
                ViolationCategory.USAGE_POLICY, "DISTILLATION", Severity.HIGH, DETECTED, EVIDENCE);

        @Test
        void recording_a_violation_records_it() {
            fixture.given(registered(Tier.PRO))
                    .when(record, by("dave"))
                    .expectEvents(violation("v-1"))
                    .expectResultMessagePayload(CommandResult.changed("v-1", 1, "ACTIVE"));
        }

        @Test
        void recording_a_violation_already_recorded_on_the_account_changes_nothing() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(record, by("dave"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandResult.unchanged("v-1", 1, "ACTIVE"));
        }

        @Test
        void recording_a_violation_on_a_banned_account_is_still_allowed() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob")))
                    .when(new RecordViolationCommand(ACCOUNT, "v-2", ViolationCategory.EXPORT_CONTROL,
                            "UNSUPPORTED_REGION", Severity.CRITICAL, DETECTED, EVIDENCE), by("dave"))
                    .expectEvents(new ViolationRecordedEvent(ACCOUNT, "v-2", ViolationCategory.EXPORT_CONTROL,
                            "UNSUPPORTED_REGION", Severity.CRITICAL, DETECTED, EVIDENCE))
                    .expectResultMessagePayload(CommandResult.changed("v-2", 5, "BANNED"));
        }

        @Test
        void recording_a_violation_on_an_unregistered_account_fails() {
            fixture.givenNoPriorActivity()
                    .when(record, by("dave"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Flagging {

        @Test
        void flagging_an_account_citing_its_violations_flags_it() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(new FlagAccountCommand(ACCOUNT, "watch closely", List.of("v-1")), by("alice"))
                    .expectEvents(new AccountFlaggedEvent(ACCOUNT, "watch closely", List.of("v-1")))
                    .expectResultMessagePayload(CommandResult.changed(ACCOUNT, 2, "FLAGGED"));
        }

        @Test
        void flagging_an_account_without_citing_violations_is_allowed() {
            fixture.given(registered(Tier.PRO))
                    .when(new FlagAccountCommand(ACCOUNT, "tip from a partner", null), by("alice"))
                    .expectEvents(new AccountFlaggedEvent(ACCOUNT, "tip from a partner", List.of()))
                    .expectResultMessagePayload(CommandResult.changed(ACCOUNT, 1, "FLAGGED"));
        }

        @Test
        void flagging_an_account_that_is_already_flagged_is_refused() {
            fixture.given(registered(Tier.PRO), new AccountFlaggedEvent(ACCOUNT, "watch", List.of()))
                    .when(new FlagAccountCommand(ACCOUNT, "again", null), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is already flagged"));
        }

        @Test
        void flagging_a_banned_account_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob")))
                    .when(new FlagAccountCommand(ACCOUNT, "watch", null), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is banned"));
        }

        @Test
        void flagging_citing_a_violation_not_recorded_on_the_account_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(new FlagAccountCommand(ACCOUNT, "watch", List.of("v-1", "v-other")), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Violation v-other is not recorded on account acc-1"));
        }

        @Test
        void unflagging_a_flagged_account_makes_it_active_again() {
            fixture.given(registered(Tier.PRO), new AccountFlaggedEvent(ACCOUNT, "watch", List.of()))
                    .when(new UnflagAccountCommand(ACCOUNT, "false positive"), by("alice"))
                    .expectEvents(new AccountUnflaggedEvent(ACCOUNT, "false positive"))
                    .expectResultMessagePayload(CommandResult.changed(ACCOUNT, 2, "ACTIVE"));
        }

        @Test
        void unflagging_an_account_that_is_not_flagged_is_refused() {
            fixture.given(registered(Tier.PRO))
                    .when(new UnflagAccountCommand(ACCOUNT, "false positive"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is not flagged"));
        }
    }

    @Nested
    class Restricting {

        private RestrictAccountCommand restrict(String restrictionId, EnforcementGrounds grounds) {
            return new RestrictAccountCommand(ACCOUNT, restrictionId, RestrictionKind.RATE_LIMIT, "slow it down",
                    grounds, null);
        }

        @Test
        void restricting_an_account_citing_one_of_its_violations_restricts_it() {
            Instant until = NOW.plus(Duration.ofDays(30));
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(new RestrictAccountCommand(ACCOUNT, "r-1", RestrictionKind.MODEL_ACCESS, "no frontier model",
                            V1, until), by("alice"))
                    .expectEvents(new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.MODEL_ACCESS,
                            "no frontier model", V1, until))
                    .expectResultMessagePayload(CommandResult.changed("r-1", 2, "RESTRICTED"));
        }

        @Test
        void restricting_an_account_citing_a_case_it_is_linked_to_restricts_it() {
            lookups.withLink("case-9", ACCOUNT);
            fixture.given(registered(Tier.PRO))
                    .when(restrict("r-1", EnforcementGrounds.ofCase("case-9")), by("alice"))
                    .expectEvents(new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT,
                            "slow it down", EnforcementGrounds.ofCase("case-9"), null))
                    .expectResultMessagePayload(CommandResult.changed("r-1", 1, "RESTRICTED"));
        }

        @Test
        void restricting_an_account_without_grounds_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(restrict("r-1", new EnforcementGrounds(List.of(), null)), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("A restriction of account acc-1 cites no grounds"));
        }

        @Test
        void restricting_an_account_citing_a_violation_of_another_account_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(restrict("r-1", EnforcementGrounds.ofViolations(List.of("v-of-acc-2"))), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Violation v-of-acc-2 is not recorded on account acc-1"));
        }

        @Test
        void restricting_an_account_citing_a_case_it_is_not_linked_to_is_refused() {
            lookups.withLink("case-9", "acc-2");
            fixture.given(registered(Tier.PRO))
                    .when(restrict("r-1", EnforcementGrounds.ofCase("case-9")), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is not linked to case case-9"));
        }

        @Test
        void restricting_a_banned_account_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob")))
                    .when(restrict("r-1", V1), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is banned"));
        }

        @Test
        void restricting_with_an_expiry_that_has_passed_is_invalid() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(new RestrictAccountCommand(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1,
                            NOW.minusSeconds(1)), by("alice"))
                    .expectNoEvents()
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(containsString("is not in the future"));
        }

        @Test
        void restricting_with_the_id_of_an_existing_restriction_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"),
                            new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1, null))
                    .when(restrict("r-1", V1), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Restriction r-1 already exists on account acc-1"));
        }

        @Test
        void lifting_the_only_restriction_returns_the_account_to_its_flag() {
            fixture.given(registered(Tier.PRO), violation("v-1"), new AccountFlaggedEvent(ACCOUNT, "watch", List.of()),
                            new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1, null))
                    .when(new LiftRestrictionCommand(ACCOUNT, "r-1", "behaves now"), by("alice"))
                    .expectEvents(new RestrictionLiftedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "behaves now"))
                    .expectResultMessagePayload(CommandResult.changed("r-1", 4, "FLAGGED"));
        }

        @Test
        void lifting_one_of_two_restrictions_leaves_the_account_restricted() {
            fixture.given(registered(Tier.PRO), violation("v-1"),
                            new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1, null),
                            new AccountRestrictedEvent(ACCOUNT, "r-2", RestrictionKind.REGION_BLOCK, "region", V1, null))
                    .when(new LiftRestrictionCommand(ACCOUNT, "r-1", "behaves now"), by("alice"))
                    .expectEvents(new RestrictionLiftedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "behaves now"))
                    .expectResultMessagePayload(CommandResult.changed("r-1", 4, "RESTRICTED"));
        }

        @Test
        void lifting_an_unknown_restriction_is_an_unknown_resource() {
            fixture.given(registered(Tier.PRO))
                    .when(new LiftRestrictionCommand(ACCOUNT, "r-404", "whatever"), by("alice"))
                    .expectNoEvents()
                    .expectException(UnknownResourceException.class)
                    .expectExceptionMessage(containsString("Account acc-1 has no restriction r-404"));
        }

        @Test
        void lifting_a_restriction_already_lifted_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"),
                            new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1, null),
                            new RestrictionLiftedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "behaves"))
                    .when(new LiftRestrictionCommand(ACCOUNT, "r-1", "again"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Restriction r-1 on account acc-1 was already lifted"));
        }
    }

    @Nested
    class Suspending {

        private final SuspendAccountCommand suspend = new SuspendAccountCommand(ACCOUNT, "s-1", "distillation", V1);

        @Test
        void suspending_a_pro_account_suspends_it_at_once() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(suspend, by("alice"))
                    .expectEvents(suspended("s-1", "alice", null))
                    .expectResultMessagePayload(CommandResult.changed("s-1", 2, "SUSPENDED"));
        }

        @Test
        void suspending_an_enterprise_account_proposes_the_suspension_for_approval() {
            fixture.given(registered(Tier.ENTERPRISE), violation("v-1"))
                    .when(suspend, by("alice"))
                    .expectEvents(proposed("s-1", ActionKind.SUSPEND, "alice", NOW.plus(Duration.ofHours(72))))
                    .expectResultMessagePayload(CommandResult.pending("s-1", 2));
        }

        @Test
        void suspending_a_banned_account_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob")))
                    .when(suspend, by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("a ban outranks a suspension"));
        }

        @Test
        void suspending_an_account_that_is_already_suspended_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-0", "alice", null))
                    .when(suspend, by("carl"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is already suspended (action s-0)"));
        }

        @Test
        void suspending_while_a_suspension_awaits_approval_is_refused() {
            fixture.given(registered(Tier.ENTERPRISE), violation("v-1"),
                            proposed("s-0", ActionKind.SUSPEND, "alice", PROPOSAL_EXPIRY))
                    .when(suspend, by("carl"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("already awaiting approval (proposal s-0)"));
        }

        @Test
        void suspending_after_an_earlier_proposal_expired_proposes_it_anew() {
            clock.advance(Duration.ofHours(73));
            fixture.given(registered(Tier.ENTERPRISE), violation("v-1"),
                            proposed("s-0", ActionKind.SUSPEND, "alice", PROPOSAL_EXPIRY))
                    .when(suspend, by("alice"))
                    .expectEvents(proposed("s-1", ActionKind.SUSPEND, "alice", NOW.plus(Duration.ofHours(73 + 72))))
                    .expectResultMessagePayload(CommandResult.pending("s-1", 3));
        }

        @Test
        void suspending_without_grounds_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(new SuspendAccountCommand(ACCOUNT, "s-1", "distillation", null), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("A suspension of account acc-1 cites no grounds"));
        }

        @Test
        void suspending_citing_a_case_the_account_is_not_linked_to_is_refused() {
            fixture.given(registered(Tier.PRO))
                    .when(new SuspendAccountCommand(ACCOUNT, "s-1", "campaign", EnforcementGrounds.ofCase("case-9")),
                            by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is not linked to case case-9"));
        }

        @Test
        void suspending_without_an_acting_person_is_a_wiring_fault() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(suspend)
                    .expectNoEvents()
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("no 'actor' metadata"));
        }
    }

    @Nested
    class Banning {

        private final BanAccountCommand ban = new BanAccountCommand(ACCOUNT, "b-1", "distillation", V1);

        @Test
        void banning_an_account_proposes_the_ban_for_approval() {
            fixture.given(registered(Tier.FREE), violation("v-1"))
                    .when(ban, by("alice"))
                    .expectEvents(proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .expectResultMessagePayload(CommandResult.pending("b-1", 2));
        }

        @Test
        void banning_a_suspended_account_is_proposed_too() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null))
                    .when(ban, by("carl"))
                    .expectEvents(proposed("b-1", ActionKind.BAN, "carl", PROPOSAL_EXPIRY))
                    .expectResultMessagePayload(CommandResult.pending("b-1", 3));
        }

        @Test
        void banning_an_account_that_is_already_banned_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-0", "alice", "bob")))
                    .when(ban, by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is already banned (action b-0)"));
        }

        @Test
        void banning_while_a_ban_awaits_approval_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-0", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(ban, by("carl"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("A ban of account acc-1 is already awaiting approval "
                            + "(proposal b-0)"));
        }

        @Test
        void banning_without_grounds_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"))
                    .when(new BanAccountCommand(ACCOUNT, "b-1", "distillation", new EnforcementGrounds(null, " ")),
                            by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("A ban of account acc-1 cites no grounds"));
        }
    }

    @Nested
    class Approving {

        @Test
        void approving_a_proposed_ban_bans_the_account_naming_both_people() {
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "clear case"), by("bob"))
                    .expectEvents(
                            new EnforcementApprovedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob", "clear case"),
                            new AccountBannedEvent(ACCOUNT, "b-1", "distillation", V1, "alice", "bob"))
                    .expectResultMessagePayload(CommandResult.changed("b-1", 4, "BANNED"));
        }

        @Test
        void approving_a_proposed_suspension_suspends_the_account_naming_both_people() {
            fixture.given(registered(Tier.ENTERPRISE), violation("v-1"),
                            proposed("s-1", ActionKind.SUSPEND, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "s-1", "agreed"), by("bob"))
                    .expectEvents(
                            new EnforcementApprovedEvent(ACCOUNT, "s-1", ActionKind.SUSPEND, "alice", "bob", "agreed"),
                            suspended("s-1", "alice", "bob"))
                    .expectResultMessagePayload(CommandResult.changed("s-1", 4, "SUSPENDED"));
        }

        @Test
        void approving_a_ban_of_a_suspended_account_leaves_it_banned() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "escalate"), by("bob"))
                    .expectEvents(
                            new EnforcementApprovedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob", "escalate"),
                            new AccountBannedEvent(ACCOUNT, "b-1", "distillation", V1, "alice", "bob"))
                    .expectResultMessagePayload(CommandResult.changed("b-1", 5, "BANNED"));
        }

        @Test
        void approving_ones_own_proposal_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "mine"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(allOf(containsString("alice proposed ban b-1 of account acc-1"),
                            containsString("a second person must approve it")));
        }

        @Test
        void approving_an_expired_proposal_is_refused() {
            clock.advance(Duration.ofHours(72).plusSeconds(1));
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "late"), by("bob"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Proposal b-1 expired at 2026-02-26T09:15:00Z; "
                            + "propose the action again"));
        }

        @Test
        void approving_a_proposal_at_the_very_instant_it_expires_is_still_allowed() {
            clock.advance(Duration.ofHours(72));
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "just in time"), by("bob"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandResult.changed("b-1", 4, "BANNED"));
        }

        @Test
        void approving_an_unknown_proposal_is_an_unknown_resource() {
            fixture.given(registered(Tier.PRO))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "x-404", "?"), by("bob"))
                    .expectNoEvents()
                    .expectException(UnknownResourceException.class)
                    .expectExceptionMessage(containsString("Account acc-1 has no proposal x-404"));
        }

        @Test
        void approving_a_proposal_that_was_already_rejected_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY),
                            new EnforcementRejectedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob", "weak"))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "changed my mind"), by("erin"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Proposal b-1 of account acc-1 is no longer pending (REJECTED)"));
        }

        @Test
        void approving_a_proposal_replaced_after_it_expired_is_refused() {
            fixture.given(registered(Tier.ENTERPRISE), violation("v-1"),
                            proposed("s-0", ActionKind.SUSPEND, "alice", NOW.minusSeconds(60)),
                            proposed("s-1", ActionKind.SUSPEND, "alice", PROPOSAL_EXPIRY))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "s-0", "old one"), by("bob"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Proposal s-0 of account acc-1 is no longer pending (EXPIRED)"));
        }

        @Test
        void approving_a_suspension_after_the_account_was_banned_is_refused() {
            fixture.given(history(registered(Tier.ENTERPRISE), violation("v-1"),
                            proposed("s-1", ActionKind.SUSPEND, "carl", PROPOSAL_EXPIRY), bannedBy("b-1", "alice", "bob")))
                    .when(new ApproveEnforcementCommand(ACCOUNT, "s-1", "late"), by("erin"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(allOf(containsString("has been banned (action b-1)"),
                            containsString("reject the proposal instead")));
        }
    }

    @Nested
    class Rejecting {

        @Test
        void rejecting_a_proposal_records_the_rejection_and_enforces_nothing() {
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new RejectEnforcementCommand(ACCOUNT, "b-1", "evidence too thin"), by("bob"))
                    .expectEvents(new EnforcementRejectedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob",
                            "evidence too thin"))
                    .expectResultMessagePayload(CommandResult.changed("b-1", 3, "ACTIVE"));
        }

        @Test
        void rejecting_ones_own_proposal_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new RejectEnforcementCommand(ACCOUNT, "b-1", "oops"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("a second person must reject it"));
        }

        @Test
        void rejecting_an_expired_proposal_is_refused() {
            clock.advance(Duration.ofDays(4));
            fixture.given(registered(Tier.PRO), violation("v-1"), proposed("b-1", ActionKind.BAN, "alice", PROPOSAL_EXPIRY))
                    .when(new RejectEnforcementCommand(ACCOUNT, "b-1", "late"), by("bob"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Proposal b-1 expired at 2026-02-26T09:15:00Z"));
        }

        @Test
        void rejecting_an_unknown_proposal_is_an_unknown_resource() {
            fixture.given(registered(Tier.PRO))
                    .when(new RejectEnforcementCommand(ACCOUNT, "x-404", "?"), by("bob"))
                    .expectNoEvents()
                    .expectException(UnknownResourceException.class);
        }

        @Test
        void rejecting_a_proposal_that_was_already_approved_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob")))
                    .when(new RejectEnforcementCommand(ACCOUNT, "b-1", "too late"), by("erin"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("is no longer pending (APPROVED)"));
        }
    }

    @Nested
    class Reinstating {

        @Test
        void reinstating_a_suspended_account_ends_the_suspension() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null))
                    .when(new ReinstateAccountCommand(ACCOUNT, "served its time"), by("alice"))
                    .expectEvents(new AccountReinstatedEvent(ACCOUNT, "served its time", ReinstatementCause.MANUAL,
                            List.of("s-1"), null))
                    .expectResultMessagePayload(CommandResult.changed(ACCOUNT, 3, "ACTIVE"));
        }

        @Test
        void reinstating_a_suspended_account_that_is_also_restricted_leaves_it_restricted() {
            fixture.given(registered(Tier.PRO), violation("v-1"),
                            new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1, null),
                            suspended("s-1", "alice", null))
                    .when(new ReinstateAccountCommand(ACCOUNT, "served its time"), by("alice"))
                    .expectEvents(new AccountReinstatedEvent(ACCOUNT, "served its time", ReinstatementCause.MANUAL,
                            List.of("s-1"), null))
                    .expectResultMessagePayload(CommandResult.changed(ACCOUNT, 4, "RESTRICTED"));
        }

        @Test
        void reinstating_a_banned_account_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            bannedBy("b-1", "alice", "bob")))
                    .when(new ReinstateAccountCommand(ACCOUNT, "please"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("banned accounts return only through an overturned appeal"));
        }

        @Test
        void reinstating_an_account_that_is_not_suspended_is_refused() {
            fixture.given(registered(Tier.PRO))
                    .when(new ReinstateAccountCommand(ACCOUNT, "please"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is not suspended"));
        }
    }

    @Nested
    class Appealing {

        @Test
        void filing_an_appeal_for_a_suspended_account_contests_the_suspension() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null))
                    .when(new FileAppealCommand(ACCOUNT, "ap-1", "we are a university lab"), by("alice"))
                    .expectEvents(new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND,
                            "we are a university lab"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 3, "SUSPENDED"));
        }

        @Test
        void filing_an_appeal_for_a_banned_and_suspended_account_contests_the_ban() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            bannedBy("b-1", "alice", "bob")))
                    .when(new FileAppealCommand(ACCOUNT, "ap-1", "mistaken identity"), by("alice"))
                    .expectEvents(new AppealFiledEvent(ACCOUNT, "ap-1", "b-1", ActionKind.BAN, "mistaken identity"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 6, "BANNED"));
        }

        @Test
        void filing_an_appeal_for_an_account_neither_suspended_nor_banned_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"),
                            new AccountRestrictedEvent(ACCOUNT, "r-1", RestrictionKind.RATE_LIMIT, "slow", V1, null))
                    .when(new FileAppealCommand(ACCOUNT, "ap-1", "unfair"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Account acc-1 is neither suspended nor banned"));
        }

        @Test
        void filing_a_second_appeal_while_one_is_open_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"))
                    .when(new FileAppealCommand(ACCOUNT, "ap-2", "still unfair"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Appeal ap-1 of account acc-1 is still open"));
        }

        @Test
        void filing_a_new_appeal_after_the_last_one_was_upheld_is_allowed() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"),
                            new AppealDecidedEvent(ACCOUNT, "ap-1", "s-1", AppealOutcome.UPHELD, "justified", "erin"))
                    .when(new FileAppealCommand(ACCOUNT, "ap-2", "new evidence"), by("alice"))
                    .expectEvents(new AppealFiledEvent(ACCOUNT, "ap-2", "s-1", ActionKind.SUSPEND, "new evidence"))
                    .expectResultMessagePayload(CommandResult.changed("ap-2", 5, "SUSPENDED"));
        }

        @Test
        void overturning_an_appeal_against_a_ban_reinstates_the_account_from_ban_and_suspension() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            bannedBy("b-1", "alice", "bob"),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "b-1", ActionKind.BAN, "mistaken identity")))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "wrong account"), by("erin"))
                    .expectEvents(
                            new AppealDecidedEvent(ACCOUNT, "ap-1", "b-1", AppealOutcome.OVERTURNED, "wrong account",
                                    "erin"),
                            new AccountReinstatedEvent(ACCOUNT, "wrong account", ReinstatementCause.APPEAL_OVERTURNED,
                                    List.of("b-1", "s-1"), "ap-1"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 8, "ACTIVE"));
        }

        @Test
        void overturning_an_appeal_against_a_suspension_reinstates_the_account() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "detector misfired"),
                            by("bob"))
                    .expectEvents(
                            new AppealDecidedEvent(ACCOUNT, "ap-1", "s-1", AppealOutcome.OVERTURNED, "detector misfired",
                                    "bob"),
                            new AccountReinstatedEvent(ACCOUNT, "detector misfired", ReinstatementCause.APPEAL_OVERTURNED,
                                    List.of("s-1"), "ap-1"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 5, "ACTIVE"));
        }

        @Test
        void upholding_an_appeal_keeps_the_account_suspended() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.UPHELD, "justified"), by("bob"))
                    .expectEvents(new AppealDecidedEvent(ACCOUNT, "ap-1", "s-1", AppealOutcome.UPHELD, "justified", "bob"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 4, "SUSPENDED"));
        }

        @Test
        void overturning_a_suspension_appeal_after_the_account_was_banned_ends_only_the_suspension() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"),
                            bannedBy("b-1", "carl", "bob")))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "suspension was wrong"),
                            by("erin"))
                    .expectEvents(
                            new AppealDecidedEvent(ACCOUNT, "ap-1", "s-1", AppealOutcome.OVERTURNED,
                                    "suspension was wrong", "erin"),
                            new AccountReinstatedEvent(ACCOUNT, "suspension was wrong",
                                    ReinstatementCause.APPEAL_OVERTURNED, List.of("s-1"), "ap-1"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 8, "BANNED"));
        }

        @Test
        void overturning_an_appeal_whose_suspension_already_ended_only_records_the_decision() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"),
                            new AccountReinstatedEvent(ACCOUNT, "served", ReinstatementCause.MANUAL, List.of("s-1"), null))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "was wrong"), by("bob"))
                    .expectEvents(new AppealDecidedEvent(ACCOUNT, "ap-1", "s-1", AppealOutcome.OVERTURNED, "was wrong",
                            "bob"))
                    .expectResultMessagePayload(CommandResult.changed("ap-1", 5, "ACTIVE"));
        }

        @Test
        void deciding_an_appeal_by_the_person_who_suspended_the_account_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.UPHELD, "I was right"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(allOf(containsString("alice took part in suspend s-1 of account acc-1"),
                            containsString("someone who had no part in that action must decide the appeal")));
        }

        @Test
        void deciding_an_appeal_by_the_proposer_of_the_ban_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob"),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "b-1", ActionKind.BAN, "unfair")))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "hmm"), by("alice"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("alice took part in ban b-1"));
        }

        @Test
        void deciding_an_appeal_by_the_approver_of_the_ban_is_refused() {
            fixture.given(history(registered(Tier.PRO), violation("v-1"), bannedBy("b-1", "alice", "bob"),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "b-1", ActionKind.BAN, "unfair")))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "hmm"), by("bob"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("bob took part in ban b-1"));
        }

        @Test
        void deciding_an_unknown_appeal_is_an_unknown_resource() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-404", AppealOutcome.UPHELD, "?"), by("bob"))
                    .expectNoEvents()
                    .expectException(UnknownResourceException.class)
                    .expectExceptionMessage(containsString("Account acc-1 has no appeal ap-404"));
        }

        @Test
        void deciding_an_appeal_that_was_already_decided_is_refused() {
            fixture.given(registered(Tier.PRO), violation("v-1"), suspended("s-1", "alice", null),
                            new AppealFiledEvent(ACCOUNT, "ap-1", "s-1", ActionKind.SUSPEND, "unfair"),
                            new AppealDecidedEvent(ACCOUNT, "ap-1", "s-1", AppealOutcome.UPHELD, "justified", "bob"))
                    .when(new DecideAppealCommand(ACCOUNT, "ap-1", AppealOutcome.OVERTURNED, "second try"), by("erin"))
                    .expectNoEvents()
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(containsString("Appeal ap-1 of account acc-1 was already decided"));
        }
    }
}
