package io.warden.command.account;

import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementExpiredEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.support.InMemoryCommandSideLookups;
import io.warden.command.support.InMemoryDeadlineIds;
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
import static org.hamcrest.Matchers.containsString;

/** Expiry of four-eyes proposals by a deadline, and the flags of automatic rules. */
class ProposalExpiryTest {

    private static final String ACCOUNT = "acc-1";
    private static final Duration LIFETIME = Duration.ofHours(72);
    private static final EnforcementGrounds V1 = EnforcementGrounds.ofViolations(List.of("v-1"));

    private InMemoryDeadlineIds deadlineIds;
    private FixtureConfiguration<Account> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        deadlineIds = new InMemoryDeadlineIds();
        AggregateTestFixture<Account> aggregateFixture = new AggregateTestFixture<>(Account.class);
        fixture = aggregateFixture;
        now = aggregateFixture.currentTime();
        fixture.registerInjectableResource(new MutableClock(now));
        fixture.registerInjectableResource(new FourEyesPolicy(LIFETIME));
        fixture.registerInjectableResource(new InMemoryCommandSideLookups());
        fixture.registerInjectableResource(deadlineIds);
    }

    private static Map<String, ?> by(String actor) {
        return Map.of(WardenMetaData.ACTOR, actor);
    }

    private static Object asAlice(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(by("alice"));
    }

    private static Object[] history() {
        return new Object[]{
                new AccountRegisteredEvent(ACCOUNT, "Acme Labs", "org-acme", "US", Tier.PRO),
                violation("v-1"), violation("v-2")};
    }

    private static ViolationRecordedEvent violation(String id) {
        return new ViolationRecordedEvent(ACCOUNT, id, ViolationCategory.USAGE_POLICY, "DISTILLATION", Severity.HIGH,
                Instant.parse("2026-02-20T10:00:00Z"), null);
    }

    private static BanAccountCommand ban() {
        return new BanAccountCommand(ACCOUNT, "b-1", "distillation", V1);
    }

    private EnforcementProposedEvent proposed() {
        return new EnforcementProposedEvent(ACCOUNT, "b-1", ActionKind.BAN, "distillation", V1, "alice",
                now.plus(LIFETIME));
    }

    @Test
    void proposing_a_ban_schedules_its_expiry() {
        fixture.given(history())
                .when(ban(), by("alice"))
                .expectEvents(proposed())
                .expectScheduledDeadline(LIFETIME, new ProposalExpiry(ACCOUNT, "b-1", now.plus(LIFETIME)));
        assertThat(deadlineIds.holds(ProposalExpiry.key("b-1"))).isTrue();
    }

    @Test
    void proposing_the_suspension_of_an_enterprise_account_schedules_its_expiry() {
        fixture.given(new AccountRegisteredEvent(ACCOUNT, "Acme Labs", "org-acme", "US", Tier.ENTERPRISE), violation("v-1"))
                .when(new SuspendAccountCommand(ACCOUNT, "s-1", "distillation", V1), by("alice"))
                .expectScheduledDeadlineWithName(LIFETIME, ProposalExpiry.DEADLINE);
    }

    @Test
    void an_unanswered_proposal_expires_with_an_event() {
        fixture.given(history())
                .andGivenCommands(asAlice(ban()))
                .whenTimeElapses(LIFETIME.plusSeconds(1))
                .expectDeadlinesMet(new ProposalExpiry(ACCOUNT, "b-1", now.plus(LIFETIME)))
                .expectEvents(new EnforcementExpiredEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", now.plus(LIFETIME)));
    }

    @Test
    void approving_an_expired_proposal_is_refused_because_of_the_event_even_if_the_clock_says_otherwise() {
        fixture.given(history())
                .andGiven(proposed(), new EnforcementExpiredEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", now))
                .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "ok"), by("bob"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("EXPIRED"))
                .expectNoEvents();
    }

    @Test
    void approving_cancels_the_expiry() {
        fixture.given(history())
                .andGivenCommands(asAlice(ban()))
                .when(new ApproveEnforcementCommand(ACCOUNT, "b-1", "clear case"), by("bob"))
                .expectEvents(new EnforcementApprovedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob", "clear case"),
                        new AccountBannedEvent(ACCOUNT, "b-1", "distillation", V1, "alice", "bob"))
                .expectNoScheduledDeadlines();
        assertThat(deadlineIds.holds(ProposalExpiry.key("b-1"))).isFalse();
    }

    @Test
    void rejecting_cancels_the_expiry() {
        fixture.given(history())
                .andGivenCommands(asAlice(ban()))
                .when(new RejectEnforcementCommand(ACCOUNT, "b-1", "weak"), by("bob"))
                .expectEvents(new EnforcementRejectedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob", "weak"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_expiry_that_fires_after_a_decision_records_nothing() {
        fixture.given(history())
                .andGiven(proposed(), new EnforcementRejectedEvent(ACCOUNT, "b-1", ActionKind.BAN, "alice", "bob", "weak"))
                .whenInvoking(ACCOUNT, a -> a.on(new ProposalExpiry(ACCOUNT, "b-1", now), deadlineIds))
                .expectNoEvents();
    }

    @Test
    void a_rule_flags_an_unflagged_account_citing_its_violations() {
        fixture.given(history())
                .when(new FlagAccountByRuleCommand(ACCOUNT, "high-usage-burst", List.of("v-1", "v-2")),
                        Map.of(WardenMetaData.ACTOR, "system:rules"))
                .expectEvents(new AccountFlaggedEvent(ACCOUNT, "high-usage-burst", List.of("v-1", "v-2")));
    }

    @Test
    void a_rule_flag_on_a_flagged_account_is_a_no_op_not_a_refusal() {
        fixture.given(history())
                .andGiven(new AccountFlaggedEvent(ACCOUNT, "manual", List.of()))
                .when(new FlagAccountByRuleCommand(ACCOUNT, "high-usage-burst", List.of("v-1")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_rule_cannot_cite_a_violation_the_account_does_not_have() {
        fixture.given(history())
                .when(new FlagAccountByRuleCommand(ACCOUNT, "high-usage-burst", List.of("v-9")))
                .expectException(CommandRefusedException.class);
    }
}
