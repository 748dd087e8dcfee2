package io.warden.command.cases;

import io.warden.command.common.InvalidCommandException;
import io.warden.command.support.InMemoryCommandSideLookups;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountLinkingPolicyTest {

    private final AccountLinkingPolicy policy = new AccountLinkingPolicy();
    private final InMemoryCommandSideLookups lookups = new InMemoryCommandSideLookups().withRegistered("a", "b", "c");

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "acc-" + i).toList();
    }

    @Test
    void accounts_are_linked_once_each_in_the_order_given() {
        assertThat(policy.toLink("case-1", List.of("c", "a", "c", "b", "a"), Set.of(), lookups))
                .containsExactly("c", "a", "b");
    }

    @Test
    void accounts_already_linked_are_left_out() {
        assertThat(policy.toLink("case-1", List.of("a", "b", "c"), Set.of("b"), lookups)).containsExactly("a", "c");
        assertThat(policy.toLink("case-1", List.of("a", "b"), Set.of("a", "b"), lookups)).isEmpty();
    }

    @Test
    void only_accounts_not_yet_linked_are_checked_for_registration() {
        // "gone" was linked earlier; the lookup would now call it unregistered, but it is not being linked again
        assertThat(policy.toLink("case-1", List.of("gone", "a"), Set.of("gone"), lookups)).containsExactly("a");
    }

    @Test
    void ten_thousand_accounts_in_one_call_are_accepted_and_one_more_is_invalid() {
        InMemoryCommandSideLookups all = new InMemoryCommandSideLookups().withRegistered(ids(10_001).toArray(String[]::new));
        assertThat(policy.toLink("case-1", ids(10_000), Set.of(), all)).hasSize(10_000);
        assertThatThrownBy(() -> policy.toLink("case-1", ids(10_001), Set.of(), all))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("accountIds names 10001 accounts; link at most 10000 a call");
    }

    @Test
    void no_accounts_at_all_is_invalid() {
        assertThatThrownBy(() -> policy.toLink("case-1", List.of(), Set.of(), lookups))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at least one account");
        assertThatThrownBy(() -> policy.toLink("case-1", null, Set.of(), lookups))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at least one account");
    }

    @Test
    void a_blank_account_id_is_invalid() {
        assertThatThrownBy(() -> policy.toLink("case-1", Arrays.asList("a", null), Set.of(), lookups))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("blank account ids");
        assertThatThrownBy(() -> policy.toLink("case-1", List.of("a", " "), Set.of(), lookups))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("blank account ids");
    }

    @Test
    void unregistered_accounts_are_invalid_and_the_first_ten_are_named_with_the_count_of_the_rest() {
        List<String> requested = new ArrayList<>(List.of("a"));
        IntStream.rangeClosed(1, 11).mapToObj(i -> String.format("x-%02d", i)).forEach(requested::add);
        assertThatThrownBy(() -> policy.toLink("case-1", requested, Set.of(), lookups))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("11 of the accounts to link to case case-1 are not registered: x-01, x-02, x-03")
                .hasMessageContaining("x-10 and 1 more; register them first or leave them out")
                .hasMessageNotContaining("x-11");
    }

    @Test
    void a_single_unregistered_account_is_named_alone() {
        assertThatThrownBy(() -> policy.toLink("case-1", List.of("a", "ghost"), Set.of(), lookups))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("1 of the accounts to link to case case-1 is not registered: ghost; register");
    }
}
