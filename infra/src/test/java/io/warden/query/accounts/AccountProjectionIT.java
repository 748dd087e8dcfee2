package io.warden.query.accounts;

import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.AccountPage;
import io.warden.api.queries.FindAccountsQuery;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.infra.WardenApplication;
import io.warden.infra.support.IntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account projection's handlers called directly, in transactions as a processor runs them (a batch of events
 * per transaction), against the real tables. No event is in the event store, so the running processors stay idle.
 */
// outside io.warden.infra, to reach the package-private projection: the application is named explicitly
@SpringBootTest(classes = WardenApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountProjectionIT extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-02-23T09:00:00Z");

    @Autowired
    AccountProjection projection;
    @Autowired
    AccountQueries queries;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_batch_of_events_builds_the_view_and_redelivering_it_changes_nothing() {
        String id = "acct-" + UUID.randomUUID();
        EnforcementGrounds v1 = EnforcementGrounds.ofViolations(List.of("v-1"));
        List<DomainEventMessage<?>> batch = List.of(
                account(id, 0, new AccountRegisteredEvent(id, "Lumen", "org-1", "SG", Tier.PRO)),
                account(id, 1, new ViolationRecordedEvent(id, "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION",
                        Severity.HIGH, T0, new Evidence("d", "s", null, null, null))),
                account(id, 2, new AccountFlaggedEvent(id, "odd", List.of("v-1"))),
                account(id, 3, new AccountRestrictedEvent(id, "r-1", RestrictionKind.RATE_LIMIT, "x", v1, null)),
                account(id, 4, new AccountSuspendedEvent(id, "s-1", "y", v1, "alice", null)),
                account(id, 5, new RestrictionLiftedEvent(id, "r-1", RestrictionKind.RATE_LIMIT, "z")));

        deliver(batch);
        Map<String, Object> first = row(id);
        deliver(batch);
        deliver(batch.subList(2, 4));

        assertThat(row(id)).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from account_violation where account_id = ?", Long.class, id)).isEqualTo(1);
        assertThat(first.get("status")).isEqualTo("SUSPENDED");
        assertThat(first.get("version")).isEqualTo(5L);
        assertThat(first.get("violation_count")).isEqualTo(1);
        assertThat(first.get("active_actions")).isEqualTo(2);
        // the document is written once at flush; it must hold the whole batch, not the state at the first save
        assertThat((String) first.get("state")).contains("\"version\":5").contains("\"r-1\"").contains("LIFTED");
    }

    @Test
    void one_event_links_a_campaign_of_24000_accounts_in_one_statement_and_the_list_pages_through_them() {
        String caseId = "case-" + UUID.randomUUID();
        List<String> ids = IntStream.range(0, 24_000).mapToObj(i -> String.format("camp-%05d", i)).toList();
        List<DomainEventMessage<?>> registrations = new ArrayList<>();
        for (String id : ids.subList(0, 100)) {
            registrations.add(account(id, 0, new AccountRegisteredEvent(id, "Ring", null, "RU", Tier.FREE)));
        }
        deliver(registrations);
        DomainEventMessage<?> linked = new GenericDomainEventMessage<>("Case", caseId, 1,
                new AccountsLinkedToCaseEvent(caseId, ids, ids.size()), Map.of(), UUID.randomUUID().toString(), T0);

        deliver(List.of(linked));
        deliver(List.of(linked));

        assertThat(jdbc.queryForObject("select count(*) from account_case_link where case_id = ?", Long.class, caseId))
                .isEqualTo(24_000);
        AccountPage page = queries.handle(new FindAccountsQuery(AccountStatus.ACTIVE, "RU", Tier.FREE, caseId, 1, 50));
        assertThat(page.totalItems()).isEqualTo(100);
        assertThat(page.items()).extracting(a -> a.accountId()).containsExactlyElementsOf(ids.subList(50, 100));
    }

    @Test
    void a_reset_clears_the_account_tables() {
        String id = "acct-" + UUID.randomUUID();
        deliver(List.of(account(id, 0, new AccountRegisteredEvent(id, "Lumen", null, "SG", Tier.PRO))));
        projection.on(new AccountsLinkedToCaseEvent("c-r", List.of(id), 1), T0);

        projection.reset();

        assertThat(rowCount("account_view")).isZero();
        assertThat(rowCount("account_violation")).isZero();
        assertThat(rowCount("account_case_link")).isZero();
    }

    private void deliver(List<DomainEventMessage<?>> batch) {
        transactions.executeWithoutResult(tx -> batch.forEach(this::handle));
    }

    private void handle(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof AccountRegisteredEvent e) {
            projection.on(e, message);
        } else if (payload instanceof ViolationRecordedEvent e) {
            projection.on(e, message);
        } else if (payload instanceof AccountFlaggedEvent e) {
            projection.on(e, message);
        } else if (payload instanceof AccountRestrictedEvent e) {
            projection.on(e, message);
        } else if (payload instanceof AccountSuspendedEvent e) {
            projection.on(e, message);
        } else if (payload instanceof RestrictionLiftedEvent e) {
            projection.on(e, message);
        } else if (payload instanceof AccountsLinkedToCaseEvent e) {
            projection.on(e, message.getTimestamp());
        } else {
            throw new IllegalArgumentException("no handler in this test for " + payload);
        }
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("select * from account_view where account_id = ?", id);
    }

    private static DomainEventMessage<?> account(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Account", id, sequence, payload, Map.of("actor", "alice"),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }
}
