package io.warden.query.violations;

import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.ActionState;
import io.warden.api.queries.FindViolationQuery;
import io.warden.api.queries.FindViolationsQuery;
import io.warden.api.queries.ViolationView;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.ReinstatementCause;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The violation projection's handlers called directly, a batch per transaction, against the real tables. */
// outside io.warden.infra, to reach the package-private projection: the application is named explicitly
@SpringBootTest(classes = WardenApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViolationProjectionIT extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-02-23T09:00:00Z");

    @Autowired
    ViolationProjection projection;
    @Autowired
    ViolationQueries queries;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void redelivering_an_accounts_history_changes_no_violation_and_no_citation() {
        String id = "acct-" + UUID.randomUUID();
        String v1 = id + "-v1";
        String v2 = id + "-v2";
        EnforcementGrounds first = EnforcementGrounds.ofViolations(List.of(v1));
        List<DomainEventMessage<?>> history = List.of(
                account(id, 0, new AccountRegisteredEvent(id, "Lumen", null, "SG", Tier.PRO)),
                account(id, 1, violation(id, v1)),
                account(id, 2, violation(id, v2)),
                account(id, 3, new AccountFlaggedEvent(id, "odd", List.of(v1, v2))),
                account(id, 4, new AccountUnflaggedEvent(id, "fine")),
                account(id, 5, new AccountFlaggedEvent(id, "odd again", List.of(v2))),
                account(id, 6, new AccountRestrictedEvent(id, "r-1", RestrictionKind.RATE_LIMIT, "x", first, null)),
                account(id, 7, new RestrictionLiftedEvent(id, "r-1", RestrictionKind.RATE_LIMIT, "calm")),
                account(id, 8, new EnforcementProposedEvent(id, "p-1", ActionKind.BAN, "b", EnforcementGrounds.ofViolations(List.of(v2)), "alice", T0.plusSeconds(3600))),
                account(id, 9, new AccountSuspendedEvent(id, "s-1", "y", first, "alice", null)),
                account(id, 10, new AccountReinstatedEvent(id, "ok", ReinstatementCause.MANUAL, List.of("s-1"), null)));

        deliver(history);
        List<Map<String, Object>> citations = citations(id);
        List<Map<String, Object>> violations = violations(id);
        deliver(history);
        deliver(history.subList(4, 8));

        assertThat(citations(id)).isEqualTo(citations);
        assertThat(violations(id)).isEqualTo(violations);
        ViolationView cited = queries.handle(new FindViolationQuery(v1));
        assertThat(cited.version()).isEqualTo(10);
        assertThat(cited.actioned()).isTrue();
        assertThat(cited.firstActionedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(cited.actions()).extracting(a -> a.actionId() + ":" + a.state())
                .containsExactly("flag-3:LIFTED", "r-1:LIFTED", "s-1:ENDED");
        ViolationView flaggedOnly = queries.handle(new FindViolationQuery(v2));
        assertThat(flaggedOnly.actioned()).isFalse();
        assertThat(flaggedOnly.actions()).extracting(a -> a.actionId() + ":" + a.state())
                .containsExactly("flag-3:LIFTED", "flag-5:" + ActionState.ACTIVE);
        assertThat(queries.handle(new FindViolationsQuery(true, null, null, id, 0, 50)).items())
                .extracting(s -> s.violationId()).containsExactly(v2);
    }

    @Test
    void a_citation_attaches_only_to_a_violation_of_the_same_account() {
        String owner = "acct-" + UUID.randomUUID();
        String other = "acct-" + UUID.randomUUID();
        String v = owner + "-v";
        deliver(List.of(account(owner, 1, violation(owner, v)),
                account(other, 1, new AccountRestrictedEvent(other, "r-x", RestrictionKind.RATE_LIMIT, "x",
                        EnforcementGrounds.ofViolations(List.of(v)), null))));

        ViolationView view = queries.handle(new FindViolationQuery(v));

        assertThat(view.actions()).isEmpty();
        assertThat(view.actioned()).isFalse();
    }

    @Test
    void a_reset_clears_the_violation_tables() {
        String id = "acct-" + UUID.randomUUID();
        deliver(List.of(account(id, 1, violation(id, id + "-v"))));

        projection.reset();

        assertThat(rowCount("violation_view")).isZero();
        assertThat(rowCount("violation_citation")).isZero();
        assertThat(rowCount("violation_account_version")).isZero();
    }

    private void deliver(List<DomainEventMessage<?>> batch) {
        transactions.executeWithoutResult(tx -> batch.forEach(m -> {
            Object p = m.getPayload();
            if (p instanceof AccountRegisteredEvent e) {
                projection.on(e, m);
            } else if (p instanceof ViolationRecordedEvent e) {
                projection.on(e, m);
            } else if (p instanceof AccountFlaggedEvent e) {
                projection.on(e, m);
            } else if (p instanceof AccountUnflaggedEvent e) {
                projection.on(e, m);
            } else if (p instanceof AccountRestrictedEvent e) {
                projection.on(e, m);
            } else if (p instanceof RestrictionLiftedEvent e) {
                projection.on(e, m);
            } else if (p instanceof EnforcementProposedEvent e) {
                projection.on(e, m);
            } else if (p instanceof AccountSuspendedEvent e) {
                projection.on(e, m);
            } else if (p instanceof AccountReinstatedEvent e) {
                projection.on(e, m);
            } else {
                throw new IllegalArgumentException("no handler in this test for " + p);
            }
        }));
    }

    private List<Map<String, Object>> citations(String accountId) {
        return jdbc.queryForList("select * from violation_citation where account_id = ? order by violation_id, action_id", accountId);
    }

    private List<Map<String, Object>> violations(String accountId) {
        return jdbc.queryForList("select * from violation_view where account_id = ? order by violation_id", accountId);
    }

    private static ViolationRecordedEvent violation(String accountId, String violationId) {
        return new ViolationRecordedEvent(accountId, violationId, ViolationCategory.USAGE_POLICY, "DISTILLATION",
                Severity.HIGH, T0, new Evidence("d", "s", 0.5, 10L, "SG"));
    }

    private static DomainEventMessage<?> account(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Account", id, sequence, payload, Map.of("actor", "alice"),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }
}
