package io.warden.infra.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit trail over HTTP: per account, per case and global, its filters, its head and who may read it. */
@TestPropertySource(properties = "warden.audit.settle-time=0s")
class AuditTrailIT extends ApiTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EventProcessingConfiguration processors;

    @Test
    void an_account_is_followed_from_registration_through_suspension_and_appeal_to_reinstatement() {
        String id = lifeOfAnAccount();

        List<JsonNode> entries = items(carol.get("/api/v1/accounts/" + id + "/audit?size=500"));

        assertThat(entries).extracting(e -> e.get("type").asString()).containsExactly("AccountRegisteredEvent",
                "ViolationRecordedEvent", "AccountSuspendedEvent", "AppealFiledEvent", "AppealDecidedEvent", "AccountReinstatedEvent");
        assertThat(entries).extracting(e -> e.get("actor").asString()).containsExactly("alice", "dave", "alice", "alice", "bob", "bob");
        assertThat(entries).extracting(e -> text(e, "reason")).containsExactly(null, null, "distillation", null,
                "evidence was a shared proxy", "evidence was a shared proxy");
        List<Long> positions = entries.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        JsonNode suspension = entries.get(2);
        assertThat(suspension.get("aggregateType").asString()).isEqualTo("Account");
        assertThat(suspension.get("aggregateId").asString()).isEqualTo(id);
        assertThat(suspension.get("aggregateVersion").asLong()).isEqualTo(2);
        assertThat(suspension.get("actorRoles").get(0).asString()).isEqualTo("ENFORCER");
        assertThat(suspension.get("payload").get("accountId").asString()).isEqualTo(id);
        assertThat(suspension.get("payload").get("reason").asString()).isEqualTo("distillation");
        assertThat(suspension.get("correlationId").asString()).isNotBlank();
        assertThat(suspension.get("causationId").asString()).isNotBlank();
        assertThat(suspension.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(suspension.get("previousHash").asString()).matches("[0-9a-f]{64}");
        assertThat(Instant.parse(suspension.get("occurredAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(entries.get(5).get("correlationId").asString()).as("reinstatement is caused by the decision's request")
                .isEqualTo(entries.get(4).get("correlationId").asString());
    }

    @Test
    void an_account_trail_filters_by_time_actor_and_type() {
        String id = lifeOfAnAccount();
        List<JsonNode> all = items(carol.get("/api/v1/accounts/" + id + "/audit"));
        String suspendedAt = all.get(2).get("occurredAt").asString();
        String appealedAt = all.get(3).get("occurredAt").asString();

        assertThat(types(carol.get("/api/v1/accounts/" + id + "/audit?from=" + suspendedAt + "&to=" + appealedAt)))
                .containsExactly("AccountSuspendedEvent");
        assertThat(types(carol.get("/api/v1/accounts/" + id + "/audit?from=" + appealedAt)))
                .containsExactly("AppealFiledEvent", "AppealDecidedEvent", "AccountReinstatedEvent");
        assertThat(types(carol.get("/api/v1/accounts/" + id + "/audit?actor=bob")))
                .containsExactly("AppealDecidedEvent", "AccountReinstatedEvent");
        assertThat(types(carol.get("/api/v1/accounts/" + id + "/audit?type=AccountSuspendedEvent,AccountReinstatedEvent")))
                .containsExactly("AccountSuspendedEvent", "AccountReinstatedEvent");
        ApiClient.Response nothing = carol.get("/api/v1/accounts/" + id + "/audit?actor=nobody");
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(200);
        assertThat(nothing.number("totalItems")).isZero();
    }

    @Test
    void the_global_trail_is_in_event_order_paged_and_filtered() {
        String first = lifeOfAnAccount();
        String second = lifeOfAnAccount();

        ApiClient.Response decided = erin.get("/api/v1/audit?type=AppealDecidedEvent&actor=bob&size=500");
        List<JsonNode> decisions = items(decided);
        assertThat(decisions).extracting(e -> e.get("aggregateId").asString()).contains(first, second);
        assertThat(decisions).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("bob"));
        assertThat(decisions).extracting(e -> e.get("position").asLong()).isSorted();

        ApiClient.Response page0 = carol.get("/api/v1/audit?size=3&page=0");
        ApiClient.Response page1 = carol.get("/api/v1/audit?size=3&page=1");
        assertThat(page1.number("page")).isEqualTo(1);
        assertThat(page1.number("size")).isEqualTo(3);
        assertThat(page1.number("totalItems")).isEqualTo(rowCount("audit_entry"));
        long lastOfPage0 = items(page0).get(2).get("position").asLong();
        assertThat(items(page1).get(0).get("position").asLong()).isGreaterThan(lastOfPage0);
        assertThat(items(page1).get(0).get("previousHash").asString()).isEqualTo(items(page0).get(2).get("hash").asString());

        List<JsonNode> after = items(carol.get("/api/v1/audit?after=" + lastOfPage0 + "&size=1"));
        assertThat(after.get(0).get("position").asLong()).isEqualTo(items(page1).get(0).get("position").asLong());
    }

    @Test
    void a_case_trail_lists_the_case_events_with_their_reasons() {
        String account = newId("acct");
        accountWithViolation(account, "PRO");
        ApiClient.Response opened = alice.post("/api/v1/cases", Map.of("title", "Proxy-network distillation",
                "category", "MIXED", "severity", "CRITICAL", "summary", "three firms", "accountIds", List.of(account)));
        String caseId = opened.text("caseId");
        alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T3_LEGAL", "reason", "export-control angle"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(carol.get("/api/v1/cases/" + caseId + "/audit")))
                .contains("CaseOpenedEvent").endsWith("CaseEscalatedEvent"));
        List<JsonNode> entries = items(carol.get("/api/v1/cases/" + caseId + "/audit"));
        assertThat(entries).allSatisfy(e -> assertThat(e.get("aggregateType").asString()).isEqualTo("Case"));
        assertThat(text(entries.get(entries.size() - 1), "reason")).isEqualTo("export-control angle");
    }

    @Test
    void an_unknown_account_or_case_is_404() {
        assertProblem(carol.get("/api/v1/accounts/no-such-account/audit"), 404);
        assertProblem(carol.get("/api/v1/cases/no-such-case/audit"), 404);
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_field() {
        assertInvalid(carol.get("/api/v1/audit?from=yesterday"), "from");
        assertInvalid(carol.get("/api/v1/audit?from=2026-02-23T10:00:00Z&to=2026-02-23T09:00:00Z"), "to");
        assertInvalid(carol.get("/api/v1/audit?type=no%20such%20type"), "type");
        assertInvalid(carol.get("/api/v1/audit?actor=%20"), "actor");
        assertInvalid(carol.get("/api/v1/audit?after=-1"), "after");
        assertInvalid(carol.get("/api/v1/audit/verification?expectedHash=abc&atPosition=3"), "expectedHash");
        assertInvalid(carol.get("/api/v1/audit/verification?atPosition=3"), "expectedHash");
        assertProblem(carol.get("/api/v1/audit?size=0"), 400);
        assertProblem(carol.get("/api/v1/audit?size=501"), 400);
        assertProblem(carol.get("/api/v1/audit?page=-1"), 400);
        assertProblem(carol.get("/api/v1/audit?page=x"), 400);
        assertProblem(carol.get("/api/v1/accounts/x/audit?to=soon"), 400);
    }

    @Test
    void auditors_and_admins_read_the_trail_and_nobody_else_does() {
        String id = lifeOfAnAccount();
        List<String> paths = List.of("/api/v1/accounts/" + id + "/audit", "/api/v1/audit", "/api/v1/audit/verification",
                "/api/v1/audit/head");

        for (String path : paths) {
            assertThat(carol.get(path).status()).as("carol on " + path).isEqualTo(200);
            assertThat(erin.get(path).status()).as("erin on " + path).isEqualTo(200);
            assertProblem(alice.get(path), 403);
            assertProblem(bob.get(path), 403);
            assertProblem(dave.get(path), 403);
            assertProblem(anonymous.get(path), 401);
        }
    }

    @Test
    void an_untouched_trail_verifies_and_an_exported_head_is_confirmed_later() {
        lifeOfAnAccount();
        awaitTrailComplete();

        ApiClient.Response head = carol.get("/api/v1/audit/head");
        ApiClient.Response verified = carol.get("/api/v1/audit/verification");
        lifeOfAnAccount();
        awaitTrailComplete();
        ApiClient.Response later = carol.get("/api/v1/audit/verification?expectedHash=" + head.text("hash")
                + "&atPosition=" + head.number("position"));
        ApiClient.Response forged = carol.get("/api/v1/audit/verification?expectedHash=" + "ab".repeat(32)
                + "&atPosition=" + head.number("position"));

        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.text("hash")).matches("[0-9a-f]{64}");
        assertThat(verified.json().get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.number("checkedEntries")).isEqualTo(rowCount("domain_event_entry") - 6);
        assertThat(verified.json().has("firstInvalidPosition")).isFalse();
        assertThat(later.json().get("valid").asBoolean()).as(later.toString()).isTrue();
        assertThat(later.json().get("expectedHeadMatched").asBoolean()).isTrue();
        assertThat(later.number("headPosition")).isGreaterThan(head.number("position"));
        assertThat(forged.json().get("valid").asBoolean()).as(forged.toString()).isFalse();
        assertThat(forged.number("firstInvalidPosition")).isEqualTo(head.number("position"));
    }

    @Test
    void a_replay_of_the_audit_processor_rebuilds_an_identical_chain() {
        lifeOfAnAccount();
        lifeOfAnAccount();
        awaitTrailComplete();
        List<Map<String, Object>> before = jdbc.queryForList("select * from audit_entry order by position");

        StreamingEventProcessor audit = processors.eventProcessor("audit", StreamingEventProcessor.class).orElseThrow();
        audit.shutDown();
        audit.resetTokens();
        audit.start();

        await().atMost(PATIENCE).until(() -> !audit.isReplaying() && rowCount("audit_entry") == before.size());
        assertThat(jdbc.queryForList("select * from audit_entry order by position")).isEqualTo(before);
        assertThat(carol.get("/api/v1/audit/verification").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void thousands_of_events_recorded_in_parallel_verify_as_one_chain_in_event_order() {
        List<Object> items = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            String id = newId("bulk");
            assertThat(alice.post("/api/v1/accounts", account(id, "FREE")).status()).isEqualTo(201);
            items.addAll(batchItems(id, 300));
        }

        ApiClient.Response batch = dave.post("/api/v1/violations:batch", Map.of("violations", items));
        assertThat(batch.number("accepted")).as(batch.toString()).isEqualTo(2400);
        awaitTrailComplete();

        ApiClient.Response verified = carol.get("/api/v1/audit/verification");
        assertThat(verified.json().get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.number("checkedEntries")).isEqualTo(rowCount("domain_event_entry"));
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry e
                where e.previous_hash <> coalesce((select p.hash from audit_entry p where p.position < e.position
                                                   order by p.position desc limit 1), repeat('0', 64))""", Long.class))
                .as("entries not linked to the entry before them").isZero();
    }

    /** Registration, violation, suspension, appeal, overturned appeal (which reinstates); waits for its trail. */
    private String lifeOfAnAccount() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        ApiClient.Response suspended = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        String appealId = alice.post("/api/v1/accounts/" + id + "/appeals", Map.of("statement", "we were testing our own proxy")).text("appealId");
        ApiClient.Response decided = bob.post("/api/v1/appeals/" + appealId + "/decision",
                Map.of("outcome", "OVERTURNED", "reason", "evidence was a shared proxy"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiClient.Response trail = carol.get("/api/v1/accounts/" + id + "/audit");
            assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
            assertThat(trail.number("totalItems")).isEqualTo(6);
        });
        return id;
    }

    private void awaitTrailComplete() {
        await().atMost(PATIENCE).until(() -> rowCount("audit_entry") == rowCount("domain_event_entry"));
    }

    private static List<JsonNode> items(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> types(ApiClient.Response response) {
        return items(response).stream().map(e -> e.get("type").asString()).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void assertInvalid(ApiClient.Response response, String field) {
        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }
}
