package io.warden.command.organization;

import io.warden.api.events.OrganizationRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.OrganizationRestrictionEndedEvent;
import io.warden.api.events.OwnershipStakeChangedEvent;
import io.warden.api.events.UnsupportedRegionShareChangedEvent;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.UnknownResourceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

class OrganizationTest {

    private AggregateTestFixture<Organization> fixture;
    private final InMemoryOwnershipRegistry registry = new InMemoryOwnershipRegistry()
            .org("parent", "CN").org("other", "US").org("third", "DE");

    private static final List<List<String>> PATHS = List.of(List.of("parent", "target"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
        fixture.registerInjectableResource(registry);
    }

    private static OrganizationRegisteredEvent registered() {
        return new OrganizationRegisteredEvent("target", "Target GmbH", "DE");
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void registering_an_organization_records_its_name_and_headquarters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganizationCommand("target", "Target GmbH", "de"))
                .expectEvents(registered());
    }

    @Test
    void registering_it_again_with_other_data_is_refused() {
        fixture.given(registered())
                .when(new RegisterOrganizationCommand("target", "Target AG", "DE"))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void a_stake_records_the_owners_headquarters_and_the_previous_percent() {
        fixture.given(registered())
                .when(new SetOwnershipStakeCommand("target", "parent", pct("40")))
                .expectEvents(new OwnershipStakeChangedEvent("target", "parent", "CN", pct("40"), BigDecimal.ZERO));
    }

    @Test
    void owners_holding_more_than_one_hundred_percent_together_is_refused() {
        fixture.given(registered(), new OwnershipStakeChangedEvent("target", "parent", "CN", pct("60"), BigDecimal.ZERO))
                .when(new SetOwnershipStakeCommand("target", "other", pct("40.01")))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 40%"))
                .expectNoEvents();
    }

    @Test
    void changing_an_existing_stake_counts_only_the_other_owners_against_the_limit() {
        fixture.given(registered(), new OwnershipStakeChangedEvent("target", "parent", "CN", pct("60"), BigDecimal.ZERO),
                        new OwnershipStakeChangedEvent("target", "other", "US", pct("40"), BigDecimal.ZERO))
                .when(new SetOwnershipStakeCommand("target", "parent", pct("55")))
                .expectEvents(new OwnershipStakeChangedEvent("target", "parent", "CN", pct("55"), pct("60")));
    }

    @Test
    void zero_removes_a_stake_and_removing_a_stake_that_does_not_exist_changes_nothing() {
        fixture.given(registered(), new OwnershipStakeChangedEvent("target", "parent", "CN", pct("60"), BigDecimal.ZERO))
                .when(new SetOwnershipStakeCommand("target", "parent", BigDecimal.ZERO))
                .expectEvents(new OwnershipStakeChangedEvent("target", "parent", "CN", BigDecimal.ZERO, pct("60")));
        fixture.given(registered())
                .when(new SetOwnershipStakeCommand("target", "other", BigDecimal.ZERO))
                .expectNoEvents();
    }

    @Test
    void a_stake_above_one_hundred_or_below_zero_or_in_itself_is_invalid() {
        fixture.given(registered()).when(new SetOwnershipStakeCommand("target", "parent", pct("100.5")))
                .expectException(InvalidCommandException.class);
        fixture.given(registered()).when(new SetOwnershipStakeCommand("target", "parent", pct("-1")))
                .expectException(InvalidCommandException.class);
        fixture.given(registered()).when(new SetOwnershipStakeCommand("target", "target", pct("10")))
                .expectException(InvalidCommandException.class);
    }

    @Test
    void a_stake_of_an_unknown_owner_is_refused() {
        fixture.given(registered())
                .when(new SetOwnershipStakeCommand("target", "nobody", pct("10")))
                .expectException(UnknownResourceException.class)
                .expectNoEvents();
    }

    @Test
    void an_assessment_above_fifty_percent_restricts_the_organization() {
        fixture.given(registered())
                .when(new AssessForeignControlCommand("target", 56.0, PATHS))
                .expectEvents(new OrganizationRestrictedEvent("target", 56.0, PATHS, 1));
    }

    @Test
    void an_assessment_at_or_below_fifty_percent_ends_the_restriction() {
        fixture.given(registered(), new OrganizationRestrictedEvent("target", 56.0, PATHS, 1))
                .when(new AssessForeignControlCommand("target", 50.0, PATHS))
                .expectEvents(new OrganizationRestrictionEndedEvent("target", 50.0, PATHS, 1));
    }

    @Test
    void a_second_restriction_is_counted_as_the_second() {
        fixture.given(registered(), new OrganizationRestrictedEvent("target", 56.0, PATHS, 1),
                        new OrganizationRestrictionEndedEvent("target", 20.0, PATHS, 1))
                .when(new AssessForeignControlCommand("target", 80.0, PATHS))
                .expectEvents(new OrganizationRestrictedEvent("target", 80.0, PATHS, 2));
    }

    @Test
    void a_share_that_moves_without_crossing_the_threshold_is_recorded_and_the_same_share_again_is_not() {
        fixture.given(registered())
                .when(new AssessForeignControlCommand("target", 30.0, PATHS))
                .expectEvents(new UnsupportedRegionShareChangedEvent("target", 30.0, PATHS, false));
        fixture.given(registered(), new UnsupportedRegionShareChangedEvent("target", 30.0, PATHS, false))
                .when(new AssessForeignControlCommand("target", 30.0, PATHS))
                .expectNoEvents();
    }
}
