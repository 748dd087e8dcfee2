package io.warden.infra.lookup;

import io.warden.infra.support.TestDatabase;
import io.warden.infra.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's lookup tables, on the schema Flyway makes, without the rest of the application. */
class JdbcCommandSideLookupsIT {

    private static JdbcTemplate jdbc;
    private static JdbcCommandSideLookups lookups;

    @BeforeAll
    static void migratedDatabase() {
        TestDatabase database = TestDatabases.createFor(JdbcCommandSideLookupsIT.class);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        lookups = new JdbcCommandSideLookups(jdbc);
    }

    @Test
    void of_a_set_of_accounts_the_unregistered_ones_are_found_in_one_query() {
        lookups.accountRegistered("acc-r1");
        lookups.accountRegistered("acc-r2");
        lookups.accountRegistered("acc-r2");

        assertThat(lookups.unregisteredAccounts(List.of("acc-r1", "acc-x", "acc-r2", "acc-y", "acc-x")))
                .containsExactlyInAnyOrder("acc-x", "acc-y");
        assertThat(lookups.unregisteredAccounts(List.of("acc-r1"))).isEmpty();
        assertThat(lookups.unregisteredAccounts(List.of())).isEmpty();
    }

    @Test
    void linking_ten_thousand_accounts_twice_links_each_once() {
        List<String> campaign = IntStream.range(0, 10_000).mapToObj(i -> "acc-c" + i).toList();
        List<String> overlapping = new ArrayList<>(campaign.subList(9_000, 10_000));
        overlapping.add("acc-c-late");
        overlapping.add("acc-c-late");

        lookups.accountsLinked("case-1", campaign);
        lookups.accountsLinked("case-1", overlapping);

        assertThat(jdbc.queryForObject("select count(*) from lookup_case_account where case_id = 'case-1'", Long.class))
                .isEqualTo(10_001L);
        assertThat(lookups.isLinkedToCase("acc-c4711", "case-1")).isTrue();
        assertThat(lookups.isLinkedToCase("acc-c-late", "case-1")).isTrue();
        assertThat(lookups.isLinkedToCase("acc-c4711", "case-2")).isFalse();
        assertThat(lookups.isLinkedToCase("acc-other", "case-1")).isFalse();
    }

    @Test
    void a_proposal_or_appeal_keeps_the_account_it_was_first_recorded_for() {
        lookups.ownedByAccount("action-1", "acc-o1");
        lookups.ownedByAccount("action-1", "acc-o2");

        assertThat(lookups.accountOwning("action-1")).contains("acc-o1");
        assertThat(lookups.accountOwning("appeal-unknown")).isEmpty();
    }

    @Test
    void ids_are_compared_exactly() {
        lookups.accountRegistered("Acc-Case");

        assertThat(lookups.unregisteredAccounts(Set.of("acc-case", "Acc-Case"))).containsExactly("acc-case");
    }
}
