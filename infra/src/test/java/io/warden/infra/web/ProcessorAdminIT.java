package io.warden.infra.web;

import io.warden.api.events.EnforcementProposedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /admin/processors} and {@code POST /admin/processors/{name}/replay}. */
class ProcessorAdminIT extends ApiTestSupport {

    @Autowired
    ReplayGate gate;

    @Test
    void every_processor_is_listed_with_its_kind_segments_position_and_lag() {
        List<String> actionIds = proposeSuspensions(2);
        awaitListed(actionIds);

        Processors.awaitAllCaughtUp(erin);
        JsonNode approvals = Processors.one(erin, "approvals");
        JsonNode feed = Processors.one(erin, "enforcement-feed");
        JsonNode lookups = Processors.one(erin, "command-lookups");

        assertThat(approvals.get("type").asString()).isEqualTo("pooled-streaming");
        assertThat(approvals.get("segments").get("total").asLong()).as("warden.processors.segments of the tests").isEqualTo(2);
        assertThat(approvals.get("position").asLong()).isEqualTo(approvals.get("head").asLong())
                .isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(approvals.get("running").asBoolean()).isTrue();
        assertThat(approvals.get("deadLetters").asLong()).isZero();
        assertThat(feed.get("segments").get("total").asLong()).as("the feed keeps one global order").isEqualTo(1);
        assertThat(lookups.get("type").asString()).isEqualTo("subscribing");
        assertThat(lookups.has("position")).isFalse();
    }

    @Test
    void a_replay_rebuilds_the_approvals_while_the_api_keeps_answering() throws Exception {
        List<String> actionIds = proposeSuspensions(3);
        awaitListed(actionIds);
        Processors.awaitAllCaughtUp(erin);
        gate.close();

        ApiClient.Response accepted = erin.post("/api/v1/admin/processors/approvals/replay", Map.of());

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        // the replay is held at its first event (by a test handler in the same processor) while we look around
        assertThat(gate.reached.await(60, TimeUnit.SECONDS)).as("replay started").isTrue();
        assertThat(gate.resets.get()).isEqualTo(1);
        JsonNode replaying = Processors.one(erin, "approvals");
        assertThat(replaying.get("replaying").asBoolean()).as(replaying.toString()).isTrue();
        ApiClient.Response duringReplay = bob.get("/api/v1/approvals?size=500");
        assertThat(duringReplay.status()).as("reads keep answering").isEqualTo(200);
        assertThat(Processors.one(erin, "enforcement-feed").get("replaying").asBoolean()).as("others untouched").isFalse();
        assertProblem(erin.post("/api/v1/admin/processors/approvals/replay", Map.of()), 409);

        gate.open();

        awaitListed(actionIds);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Processors.caughtUp(Processors.one(erin, "approvals"))).isTrue());
        assertThat(rowCount("approval_view")).as("one row per proposal in the store, none twice").isEqualTo(
                jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                        EnforcementProposedEvent.class.getName()));
    }

    @Test
    void an_unknown_processor_is_404_and_the_subscribing_one_cannot_be_replayed() {
        assertProblem(erin.post("/api/v1/admin/processors/no-such-thing/replay", Map.of()), 404);

        ApiClient.Response subscribing = erin.post("/api/v1/admin/processors/command-lookups/replay", Map.of());

        assertProblem(subscribing, 409);
        assertThat(subscribing.text("detail")).contains("subscribing");
    }

    @Test
    void the_command_sides_reactors_refuse_a_replay_because_they_would_decide_again() {
        for (String reactor : List.of("export-controls", "flagging-rules", "case-enforcement")) {
            assertThat(Processors.one(erin, reactor).get("replayable").asBoolean()).as(reactor).isFalse();
            ApiClient.Response refused = erin.post("/api/v1/admin/processors/" + reactor + "/replay", Map.of());
            assertProblem(refused, 409);
            assertThat(refused.text("detail")).contains("does not support a replay");
            assertThat(Processors.one(erin, reactor).get("replaying").asBoolean()).as(reactor).isFalse();
        }
        assertThat(Processors.one(erin, "account-views").get("replayable").asBoolean()).isTrue();
    }

    @Test
    void only_admins_see_or_replay_processors() {
        for (ApiClient notAdmin : List.of(carol, alice, dave)) {
            assertProblem(notAdmin.get("/api/v1/admin/processors"), 403);
            assertProblem(notAdmin.post("/api/v1/admin/processors/approvals/replay", Map.of()), 403);
            assertProblem(notAdmin.get("/api/v1/admin/dead-letters"), 403);
            assertProblem(notAdmin.post("/api/v1/admin/dead-letters/approvals/retry", Map.of()), 403);
        }
        assertProblem(anonymous.get("/api/v1/admin/processors"), 401);
    }

    private List<String> proposeSuspensions(int count) {
        List<String> actionIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = newId("acct");
            String v = accountWithViolation(id, "ENTERPRISE");
            ApiClient.Response proposed = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
            actionIds.add(proposed.text("actionId"));
        }
        return actionIds;
    }

    private void awaitListed(List<String> actionIds) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Response listed = bob.get("/api/v1/approvals?size=500");
            assertThat(listed.body()).contains(actionIds);
        });
    }

    /**
     * A test-only handler in the {@code approvals} processor: during a replay it waits at its first event until the
     * test opens the gate, so the test sees the processor mid-replay without depending on timing.
     */
    @TestConfiguration
    static class ReplayGateConfiguration {
        @Bean
        ReplayGate replayGate() {
            return new ReplayGate();
        }
    }

    @ProcessingGroup("approvals")
    static class ReplayGate {
        final AtomicInteger resets = new AtomicInteger();
        volatile CountDownLatch reached = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void close() {
            reached = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @EventHandler
        void on(EnforcementProposedEvent event, ReplayStatus status) throws InterruptedException {
            if (status.isReplay()) {
                reached.countDown();
                gate.await(60, TimeUnit.SECONDS);
            }
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
        }
    }
}
