package io.warden.infra.web;

import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.WardenMetaData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transaction takes a global index, stays open while later events commit and are projected, and commits last. The
 * projection has gone past its index by then; the gap its token remembered makes it fetch the event all the same.
 */
class LateCommitGapIT extends ApiTestSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void an_event_committed_after_later_ones_is_still_projected() throws Exception {
        String lateAccount = newId("acct-late");
        String lateAction = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                    eventStore.publish(new GenericDomainEventMessage<>("Account", lateAccount, 0,
                            new EnforcementProposedEvent(lateAccount, lateAction, ActionKind.BAN, "held back",
                                    EnforcementGrounds.ofViolations(List.of("v-late")), "alice",
                                    Instant.parse("2999-01-01T00:00:00Z")),
                            MetaData.with(WardenMetaData.ACTOR, "alice")));
                    appended.countDown();
                    holdUntil(commit);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).as("the slow transaction has appended").isTrue();

        List<String> laterActions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId("acct");
            String v = accountWithViolation(id, "ENTERPRISE");
            laterActions.add(alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v))).text("actionId"));
        }
        long lastCommitted = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(bob.get("/api/v1/approvals?size=500").body()).contains(laterActions);
            assertThat(Processors.one(erin, "approvals").get("position").asLong()).isGreaterThanOrEqualTo(lastCommitted);
        });
        assertThat(bob.get("/api/v1/approvals?size=500").body()).doesNotContain(lateAction);

        commit.countDown();
        slowTransaction.get(30, TimeUnit.SECONDS);

        long lateIndex = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class, lateAccount);
        assertThat(lateIndex).as("the late event sits below events projected before it committed").isLessThan(lastCommitted);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(bob.get("/api/v1/approvals?size=500").body()).contains(lateAction));
    }

    private static void holdUntil(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
