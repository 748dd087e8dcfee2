package io.warden.query.accounts;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.EnforcementExpiredEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.AccountView;
import io.warden.api.queries.ActionState;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.query.support.StateJson;
import io.warden.query.support.StoredHistory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStateTest {

    private static final Instant T0 = Instant.parse("2026-02-23T09:00:00Z");
    private static final EnforcementGrounds V1 = EnforcementGrounds.ofViolations(List.of("v-1"));

    private final AccountState state = new AccountState();
    private long sequence = 0;

    @Test
    void a_suspension_outranks_a_restriction_which_outranks_a_flag() {
        history();
        apply(new AccountFlaggedEvent("a-1", "odd", List.of("v-1")));
        assertThat(state.status()).isEqualTo(AccountStatus.FLAGGED);
        apply(new AccountRestrictedEvent("a-1", "r-1", RestrictionKind.RATE_LIMIT, "bursty", V1, null));
        assertThat(state.status()).isEqualTo(AccountStatus.RESTRICTED);
        apply(new AccountSuspendedEvent("a-1", "s-1", "distillation", V1, "alice", null));
        assertThat(state.status()).isEqualTo(AccountStatus.SUSPENDED);
        apply(new AccountReinstatedEvent("a-1", "cleared", ReinstatementCause.MANUAL, List.of("s-1"), null));
        assertThat(state.status()).isEqualTo(AccountStatus.RESTRICTED);
        apply(new RestrictionLiftedEvent("a-1", "r-1", RestrictionKind.RATE_LIMIT, "calm"));
        assertThat(state.status()).isEqualTo(AccountStatus.FLAGGED);
        apply(new AccountUnflaggedEvent("a-1", "fine"));
        assertThat(state.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(view().actions()).extracting(a -> a.state())
                .containsExactly(ActionState.LIFTED, ActionState.LIFTED, ActionState.ENDED);
    }

    @Test
    void an_event_applied_before_changes_nothing() {
        history();
        StoredHistory.Step flag = step(new AccountFlaggedEvent("a-1", "odd", List.of("v-1")));
        assertThat(state.apply(flag)).isTrue();
        String before = StateJson.write(state);

        boolean again = state.apply(flag);
        boolean older = state.apply(new StoredHistory.Step(new AccountUnflaggedEvent("a-1", "x"), 0, T0, "bob"));

        assertThat(again).isFalse();
        assertThat(older).isFalse();
        assertThat(StateJson.write(state)).isEqualTo(before);
        assertThat(state.status()).isEqualTo(AccountStatus.FLAGGED);
    }

    @Test
    void an_overturned_appeal_ends_the_ban_as_overturned_and_the_flag_id_is_its_sequence_number() {
        history();
        apply(new AccountFlaggedEvent("a-1", "odd", List.of()));
        apply(new AccountBannedEvent("a-1", "b-1", "campaign", V1, "alice", "bob"));
        assertThat(state.status()).isEqualTo(AccountStatus.BANNED);
        apply(new AccountReinstatedEvent("a-1", "shared proxy", ReinstatementCause.APPEAL_OVERTURNED, List.of("b-1"), "ap-1"));

        AccountView view = view();
        assertThat(view.actions().get(0).actionId()).isEqualTo("flag-2");
        assertThat(view.actions().get(1).state()).isEqualTo(ActionState.OVERTURNED);
        assertThat(view.actions().get(1).approvedBy()).isEqualTo("bob");
        assertThat(view.status()).isEqualTo(AccountStatus.FLAGGED);
    }

    @Test
    void a_proposal_awaits_a_decision_until_it_is_rejected_or_expires() {
        history();
        apply(new EnforcementProposedEvent("a-1", "p-1", ActionKind.BAN, "campaign", V1, "alice", T0.plus(Duration.ofHours(72))));

        assertThat(state.toView(List.of(), List.of(), T0.plus(Duration.ofHours(1)), null).pendingApprovals()).hasSize(1);
        assertThat(state.toView(List.of(), List.of(), T0.plus(Duration.ofHours(73)), null).pendingApprovals()).isEmpty();
        assertThat(state.status()).isEqualTo(AccountStatus.ACTIVE);
        apply(new EnforcementRejectedEvent("a-1", "p-1", ActionKind.BAN, "alice", "bob", "weak"));
        assertThat(state.toView(List.of(), List.of(), T0, null).pendingApprovals()).isEmpty();
        assertThat(state.toView(List.of(), List.of(), T0, null).actions()).isEmpty();
    }

    @Test
    void an_expired_proposal_leaves_the_pending_approvals_at_once_and_moves_the_version() {
        history();
        apply(new EnforcementProposedEvent("a-1", "p-1", ActionKind.BAN, "campaign", V1, "alice", T0.plus(Duration.ofHours(72))));
        long before = state.version();

        apply(new EnforcementExpiredEvent("a-1", "p-1", ActionKind.BAN, "alice", T0.plus(Duration.ofHours(72))));

        // the event removes it even when asked for an instant before its expiry time
        assertThat(state.toView(List.of(), List.of(), T0, null).pendingApprovals()).isEmpty();
        assertThat(state.version()).isEqualTo(before + 1);
    }

    @Test
    void the_state_survives_its_json_document_unchanged() {
        history();
        apply(new AccountRestrictedEvent("a-1", "r-1", RestrictionKind.MODEL_ACCESS, "x", EnforcementGrounds.ofCase("c-1"), T0.plusSeconds(60)));

        AccountState read = StateJson.read(StateJson.write(state), AccountState.class);

        assertThat(read.toView(List.of(), List.of(), T0, null)).isEqualTo(view());
        assertThat(read.version()).isEqualTo(state.version());
        assertThat(read.violationCount()).isEqualTo(1);
        assertThat(read.foldedViolations()).as("violations are rows of their own, not part of the document").isEmpty();
        assertThat(state.foldedViolations()).extracting(v -> v.violationId()).containsExactly("v-1");
    }

    private void history() {
        apply(new AccountRegisteredEvent("a-1", "Lumen", null, "SG", Tier.PRO));
        apply(new ViolationRecordedEvent("a-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION", Severity.HIGH,
                T0, new Evidence("distill-watch", "40k prompts", 0.9, 40_000L, "SG")));
    }

    private void apply(Object event) {
        assertThat(state.apply(step(event))).isTrue();
    }

    private StoredHistory.Step step(Object event) {
        long seq = sequence++;
        return new StoredHistory.Step(event, seq, T0.plusSeconds(seq), "alice");
    }

    private AccountView view() {
        return state.toView(List.of(), List.of(), T0, null);
    }
}
