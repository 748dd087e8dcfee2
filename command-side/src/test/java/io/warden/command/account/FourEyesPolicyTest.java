package io.warden.command.account;

import io.warden.api.types.ActionKind;
import io.warden.api.types.Tier;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FourEyesPolicyTest {

    private final FourEyesPolicy policy = FourEyesPolicy.withDefaults();

    @Test
    void bans_always_need_a_second_person() {
        for (Tier tier : Tier.values()) {
            assertThat(policy.requiresApproval(ActionKind.BAN, tier)).as(tier.name()).isTrue();
        }
    }

    @Test
    void only_suspensions_of_enterprise_accounts_need_a_second_person() {
        assertThat(policy.requiresApproval(ActionKind.SUSPEND, Tier.ENTERPRISE)).isTrue();
        assertThat(policy.requiresApproval(ActionKind.SUSPEND, Tier.PRO)).isFalse();
        assertThat(policy.requiresApproval(ActionKind.SUSPEND, Tier.FREE)).isFalse();
    }

    @Test
    void flags_and_restrictions_never_need_a_second_person() {
        assertThat(policy.requiresApproval(ActionKind.FLAG, Tier.ENTERPRISE)).isFalse();
        assertThat(policy.requiresApproval(ActionKind.RESTRICT, Tier.ENTERPRISE)).isFalse();
    }

    @Test
    void the_proposer_may_not_decide_and_nobody_anonymous_may_either() {
        assertThat(policy.mayDecide("alice", "alice")).isFalse();
        assertThat(policy.mayDecide("alice", null)).isFalse();
        assertThat(policy.mayDecide("alice", "bob")).isTrue();
    }

    @Test
    void proposals_live_seventy_two_hours_by_default_and_never_a_non_positive_time() {
        assertThat(policy.proposalLifetime()).isEqualTo(Duration.ofHours(72));
        assertThat(new FourEyesPolicy(Duration.ofHours(8)).proposalLifetime()).isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> new FourEyesPolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
