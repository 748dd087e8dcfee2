package io.warden.command.account;

import io.warden.api.types.ActionKind;
import io.warden.command.common.CommandRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppealPolicyTest {

    private final AppealPolicy policy = new AppealPolicy();
    private final ImposedAction suspension = new ImposedAction("s-1", ActionKind.SUSPEND, "alice", null);
    private final ImposedAction ban = new ImposedAction("b-1", ActionKind.BAN, "carl", "bob");

    @Test
    void an_appeal_contests_the_ban_when_there_is_one_even_beside_a_suspension() {
        assertThat(policy.contestable("acc-1", ban, suspension)).isEqualTo(ban);
    }

    @Test
    void an_appeal_contests_the_suspension_when_there_is_no_ban() {
        assertThat(policy.contestable("acc-1", null, suspension)).isEqualTo(suspension);
    }

    @Test
    void an_account_neither_suspended_nor_banned_has_nothing_to_appeal() {
        assertThatThrownBy(() -> policy.contestable("acc-1", null, null))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("Account acc-1 is neither suspended nor banned");
    }

    @Test
    void neither_the_proposer_nor_the_approver_of_a_ban_may_decide_its_appeal() {
        OpenAppeal appeal = new OpenAppeal("ap-1", ban);
        assertThatThrownBy(() -> policy.requireImpartial("acc-1", appeal, "carl"))
                .isInstanceOf(CommandRefusedException.class).hasMessageContaining("carl took part in ban b-1");
        assertThatThrownBy(() -> policy.requireImpartial("acc-1", appeal, "bob"))
                .isInstanceOf(CommandRefusedException.class).hasMessageContaining("bob took part in ban b-1");
        assertThatCode(() -> policy.requireImpartial("acc-1", appeal, "alice")).doesNotThrowAnyException();
    }

    @Test
    void the_person_who_suspended_may_not_decide_the_appeal_but_anyone_else_may() {
        OpenAppeal appeal = new OpenAppeal("ap-1", suspension);
        assertThatThrownBy(() -> policy.requireImpartial("acc-1", appeal, "alice"))
                .isInstanceOf(CommandRefusedException.class).hasMessageContaining("alice took part in suspend s-1");
        assertThatCode(() -> policy.requireImpartial("acc-1", appeal, "bob")).doesNotThrowAnyException();
    }

    @Test
    void overturning_a_ban_ends_the_ban_and_the_suspension_beneath_it() {
        assertThat(policy.endedByOverturn(new OpenAppeal("ap-1", ban), ban, suspension)).containsExactly("b-1", "s-1");
        assertThat(policy.endedByOverturn(new OpenAppeal("ap-1", ban), ban, null)).containsExactly("b-1");
    }

    @Test
    void overturning_a_suspension_ends_only_the_suspension_even_under_a_later_ban() {
        OpenAppeal appeal = new OpenAppeal("ap-1", suspension);
        assertThat(policy.endedByOverturn(appeal, null, suspension)).containsExactly("s-1");
        assertThat(policy.endedByOverturn(appeal, ban, suspension)).containsExactly("s-1");
    }

    @Test
    void overturning_an_action_that_has_already_ended_ends_nothing() {
        OpenAppeal appeal = new OpenAppeal("ap-1", suspension);
        assertThat(policy.endedByOverturn(appeal, null, null)).isEmpty();
        ImposedAction laterSuspension = new ImposedAction("s-2", ActionKind.SUSPEND, "erin", null);
        assertThat(policy.endedByOverturn(appeal, null, laterSuspension)).isEmpty();
    }
}
