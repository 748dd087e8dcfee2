package io.warden.query.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.queries.CaseView;
import io.warden.api.queries.FindCaseQuery;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.infra.WardenApplication;
import io.warden.infra.support.IntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The case projection's handlers called directly, a batch per transaction, against the real tables. */
// outside io.warden.infra, to reach the package-private projection: the application is named explicitly
@SpringBootTest(classes = WardenApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseProjectionIT extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-02-23T09:00:00Z");

    @Autowired
    CaseProjection projection;
    @Autowired
    CaseQueries queries;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_batch_builds_the_case_view_and_redelivering_it_changes_nothing() {
        String caseId = "case-" + UUID.randomUUID();
        List<String> first = IntStream.range(0, 10_000).mapToObj(i -> "acct-a-" + i).toList();
        List<String> second = IntStream.range(0, 10_000).mapToObj(i -> "acct-b-" + i).toList();
        List<DomainEventMessage<?>> batch = List.of(
                event(caseId, 0, new CaseOpenedEvent(caseId, "Ring", CaseCategory.MIXED, Severity.CRITICAL, "s", CaseTier.T1_TRIAGE, "alice")),
                event(caseId, 1, new AccountsLinkedToCaseEvent(caseId, first, 10_000)),
                event(caseId, 2, new AccountsLinkedToCaseEvent(caseId, second, 20_000)),
                event(caseId, 3, new CaseAssignedEvent(caseId, "grace", null)),
                event(caseId, 4, new CaseEscalatedEvent(caseId, CaseTier.T1_TRIAGE, CaseTier.T2_INVESTIGATION, "big")),
                event(caseId, 5, new CaseNoteAddedEvent(caseId, "n-1", "logs", "alice")));

        deliver(batch);
        Map<String, Object> row = jdbc.queryForMap("select * from case_view where case_id = ?", caseId);
        deliver(batch);
        deliver(batch.subList(1, 3));

        assertThat(jdbc.queryForMap("select * from case_view where case_id = ?", caseId)).isEqualTo(row);
        assertThat(jdbc.queryForObject("select count(*) from case_account_link where case_id = ?", Long.class, caseId))
                .isEqualTo(20_000);
        CaseView view = queries.handle(new FindCaseQuery(caseId, null, 100, 100));
        assertThat(view.linkedAccountCount()).isEqualTo(20_000);
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.tier()).isEqualTo(CaseTier.T2_INVESTIGATION);
        assertThat(view.notes()).hasSize(1);
        assertThat(view.linkedAccountIds()).hasSize(100).allMatch(id -> id.startsWith("acct-b-"));
    }

    @Test
    void a_reset_clears_the_case_tables() {
        String caseId = "case-" + UUID.randomUUID();
        deliver(List.of(event(caseId, 0, new CaseOpenedEvent(caseId, "Ring", CaseCategory.MIXED, Severity.LOW, "s", CaseTier.T1_TRIAGE, "alice")),
                event(caseId, 1, new AccountsLinkedToCaseEvent(caseId, List.of("a"), 1))));

        projection.reset();

        assertThat(rowCount("case_view")).isZero();
        assertThat(rowCount("case_account_link")).isZero();
    }

    private void deliver(List<DomainEventMessage<?>> batch) {
        transactions.executeWithoutResult(tx -> batch.forEach(m -> {
            Object payload = m.getPayload();
            if (payload instanceof CaseOpenedEvent e) {
                projection.on(e, m);
            } else if (payload instanceof AccountsLinkedToCaseEvent e) {
                projection.on(e, m);
            } else if (payload instanceof CaseAssignedEvent e) {
                projection.on(e, m);
            } else if (payload instanceof CaseEscalatedEvent e) {
                projection.on(e, m);
            } else if (payload instanceof CaseNoteAddedEvent e) {
                projection.on(e, m);
            } else {
                throw new IllegalArgumentException("no handler in this test for " + payload);
            }
        }));
    }

    private static DomainEventMessage<?> event(String caseId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Case", caseId, sequence, payload, Map.of("actor", "alice"),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }
}
