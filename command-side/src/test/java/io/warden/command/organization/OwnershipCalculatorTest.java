package io.warden.command.organization;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OwnershipCalculatorTest {

    private final OwnershipCalculator calculator = new OwnershipCalculator(Set.of("CN", "RU", "ir"));
    private final ForeignControlPolicy policy = new ForeignControlPolicy();

    @Test
    void stakes_multiply_along_a_chain_of_owners() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("parent", "CN").org("holding", "NL").org("opco", "SG").org("target", "DE")
                .stake("parent", "holding", 90).stake("holding", "opco", 80).stake("opco", "target", 75);

        OwnershipCalculator.Assessment assessment = calculator.assess("target", graph);

        assertThat(assessment.share()).isCloseTo(54.0, within(1e-9));
        assertThat(assessment.controlPaths()).containsExactly(List.of("parent", "holding", "opco", "target"));
        assertThat(policy.isControlled(assessment.share())).isTrue();
    }

    @Test
    void shares_reached_by_several_paths_add_up() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("parent", "CN").org("first", "SG").org("second", "NL").org("target", "DE")
                .stake("parent", "first", 70).stake("parent", "second", 70)
                .stake("first", "target", 40).stake("second", "target", 40);

        OwnershipCalculator.Assessment assessment = calculator.assess("target", graph);

        assertThat(assessment.share()).isCloseTo(56.0, within(1e-9));
        assertThat(assessment.controlPaths()).containsExactlyInAnyOrder(
                List.of("parent", "first", "target"), List.of("parent", "second", "target"));
    }

    @Test
    void owners_from_different_unsupported_regions_add_up_and_supported_owners_count_for_nothing() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("moscow", "RU").org("tehran", "IR").org("zurich", "CH").org("target", "DE")
                .stake("moscow", "target", 30).stake("tehran", "target", 21).stake("zurich", "target", 49);

        OwnershipCalculator.Assessment assessment = calculator.assess("target", graph);

        assertThat(assessment.share()).isCloseTo(51.0, within(1e-9));
        assertThat(assessment.controlPaths()).containsExactly(List.of("moscow", "target"), List.of("tehran", "target"));
    }

    @Test
    void a_path_ends_at_the_first_owner_in_an_unsupported_region_so_control_is_not_counted_twice() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("state", "CN").org("group", "CN").org("target", "SG")
                .stake("state", "group", 100).stake("group", "target", 60);

        OwnershipCalculator.Assessment assessment = calculator.assess("target", graph);

        assertThat(assessment.share()).isCloseTo(60.0, within(1e-9));
        assertThat(assessment.controlPaths()).containsExactly(List.of("group", "target"));
    }

    @Test
    void a_cycle_of_cross_holdings_is_walked_once_per_path_and_ends() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("parent", "CN").org("a", "SG").org("b", "SG").org("target", "DE")
                .stake("parent", "a", 60).stake("b", "a", 40).stake("a", "b", 50)
                .stake("a", "target", 100);

        OwnershipCalculator.Assessment assessment = calculator.assess("target", graph);

        // parent > a > target = 0.6; a cycle a <- b <- a is cut where it revisits a
        assertThat(assessment.share()).isCloseTo(60.0, within(1e-9));
        assertThat(assessment.controlPaths()).containsExactly(List.of("parent", "a", "target"));
        assertThat(calculator.downstreamOf("parent", graph)).containsExactlyInAnyOrder("parent", "a", "b", "target");
    }

    @Test
    void exactly_half_is_not_control_and_a_change_across_fifty_percent_flips_it_both_ways() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("parent", "CN").org("target", "DE").stake("parent", "target", 50);
        assertThat(policy.isControlled(calculator.assess("target", graph).share())).isFalse();

        graph.stake("parent", "target", 50.5);
        assertThat(policy.isControlled(calculator.assess("target", graph).share())).isTrue();

        graph.stake("parent", "target", 10);
        assertThat(policy.isControlled(calculator.assess("target", graph).share())).isFalse();
    }

    @Test
    void an_organization_without_owners_from_unsupported_regions_has_no_share_and_no_paths() {
        InMemoryOwnershipRegistry graph = new InMemoryOwnershipRegistry()
                .org("owner", "US").org("target", "CN").stake("owner", "target", 100);

        OwnershipCalculator.Assessment assessment = calculator.assess("target", graph);

        assertThat(assessment.share()).isZero();
        assertThat(assessment.controlPaths()).isEmpty();
    }
}
