package io.warden.command.cases;

import io.warden.api.types.CaseTier;
import io.warden.command.common.CommandRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPolicyTest {

    private final EscalationPolicy policy = new EscalationPolicy();

    @Test
    void every_tier_above_the_current_one_is_a_valid_escalation() {
        for (CaseTier current : CaseTier.values()) {
            for (CaseTier target : CaseTier.values()) {
                if (target.ordinal() > current.ordinal()) {
                    assertThatCode(() -> policy.requireUpward("case-1", current, target))
                            .as(current + " -> " + target).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void every_tier_at_or_below_the_current_one_is_refused() {
        for (CaseTier current : CaseTier.values()) {
            for (CaseTier target : CaseTier.values()) {
                if (target.ordinal() <= current.ordinal()) {
                    assertThatThrownBy(() -> policy.requireUpward("case-1", current, target))
                            .as(current + " -> " + target)
                            .isInstanceOf(CommandRefusedException.class)
                            .hasMessageContaining("Case case-1 is already at " + current + "; escalation only goes up");
                }
            }
        }
    }

    @Test
    void a_case_at_the_highest_tier_is_told_so() {
        assertThatThrownBy(() -> policy.requireUpward("case-1", CaseTier.T4_EXTERNAL_REFERRAL, CaseTier.T2_INVESTIGATION))
                .hasMessageContaining("it is the highest tier");
        assertThatThrownBy(() -> policy.requireUpward("case-1", CaseTier.T2_INVESTIGATION, CaseTier.T1_TRIAGE))
                .hasMessageContaining("choose a tier above T2_INVESTIGATION");
    }
}
