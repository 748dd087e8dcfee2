package io.warden.command.account;

import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.support.InMemoryCommandSideLookups;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnforcementGroundsPolicyTest {

    private final EnforcementGroundsPolicy policy = new EnforcementGroundsPolicy();
    private final InMemoryCommandSideLookups lookups = new InMemoryCommandSideLookups().withLink("case-9", "acc-1");
    private final Set<String> recorded = Set.of("v-1", "v-2");

    @Test
    void grounds_citing_violations_recorded_on_the_account_are_sound() {
        assertThatCode(() -> policy.requireSound("acc-1", ActionKind.SUSPEND,
                EnforcementGrounds.ofViolations(List.of("v-1", "v-2")), recorded, lookups)).doesNotThrowAnyException();
    }

    @Test
    void grounds_citing_a_case_the_account_is_linked_to_are_sound() {
        assertThatCode(() -> policy.requireSound("acc-1", ActionKind.BAN, EnforcementGrounds.ofCase("case-9"),
                Set.of(), lookups)).doesNotThrowAnyException();
    }

    @Test
    void grounds_citing_both_are_sound_when_both_hold() {
        assertThatCode(() -> policy.requireSound("acc-1", ActionKind.RESTRICT,
                new EnforcementGrounds(List.of("v-1"), "case-9"), recorded, lookups)).doesNotThrowAnyException();
    }

    @Test
    void missing_grounds_are_refused() {
        assertThatThrownBy(() -> policy.requireSound("acc-1", ActionKind.BAN, null, recorded, lookups))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("A ban of account acc-1 cites no grounds");
    }

    @Test
    void grounds_with_no_violations_and_a_blank_case_are_refused() {
        assertThatThrownBy(() -> policy.requireSound("acc-1", ActionKind.SUSPEND,
                new EnforcementGrounds(List.of(), "  "), recorded, lookups))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("A suspension of account acc-1 cites no grounds");
    }

    @Test
    void violations_not_recorded_on_the_account_are_refused_and_all_named() {
        assertThatThrownBy(() -> policy.requireSound("acc-1", ActionKind.RESTRICT,
                EnforcementGrounds.ofViolations(List.of("v-1", "v-of-acc-2", "v-unknown")), recorded, lookups))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("Violations v-of-acc-2, v-unknown are not recorded on account acc-1");
    }

    @Test
    void a_case_the_account_is_not_linked_to_is_refused_even_beside_sound_violations() {
        assertThatThrownBy(() -> policy.requireSound("acc-1", ActionKind.SUSPEND,
                new EnforcementGrounds(List.of("v-1"), "case-other"), recorded, lookups))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("Account acc-1 is not linked to case case-other");
    }

    @Test
    void a_case_linked_to_another_account_is_refused() {
        assertThatThrownBy(() -> policy.requireSound("acc-2", ActionKind.BAN, EnforcementGrounds.ofCase("case-9"),
                Set.of(), lookups))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("Account acc-2 is not linked to case case-9");
    }

    @Test
    void citing_no_violation_at_all_when_only_recorded_ones_are_required_is_accepted() {
        assertThatCode(() -> policy.requireRecorded("acc-1", List.of(), recorded)).doesNotThrowAnyException();
    }
}
