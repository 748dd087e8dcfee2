package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying every processor through the API rebuilds read models identical to the ones it replaced.
 * <p>
 * Which tables are read models is discovered, so that tables added later are covered without editing this test:
 * every base table of the schema except Axon's ({@link #AXON_TABLES}), the command side's ({@code lookup_*},
 * {@code idempotency_keys}), Flyway's history and the scheduler's {@code scheduled_tasks}. A table's checksum is the
 * md5 of its rows' text, sorted, over all columns except those filled from a database sequence (serial or identity
 * columns): a surrogate number drawn at insert time is the one thing a rebuild legitimately draws anew.
 */
class ReplayEquivalenceIT extends ApiTestSupport {

    static final List<String> AXON_TABLES = List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry");
    static final List<String> OTHER_NON_READ_MODEL_TABLES = List.of("flyway_schema_history", "scheduled_tasks", "idempotency_keys");

    @Test
    void replaying_every_processor_rebuilds_identical_read_models() {
        buildScenario();
        Processors.awaitAllCaughtUp(erin);
        Map<String, String> before = checksums();
        assertThat(before).containsKeys("approval_view", "enforcement_feed", "enforcement_feed_account");
        assertThat(rowCount("approval_view")).isPositive();
        assertThat(rowCount("enforcement_feed")).isPositive();

        List<String> processors = Processors.replayableNames(erin);
        assertThat(processors).contains("approvals", "account-views", "case-views", "violation-views", "reporting",
                "audit", "enforcement-feed", "organizations");
        for (String processor : processors) {
            ApiClient.Response accepted = erin.post("/api/v1/admin/processors/" + processor + "/replay", Map.of());
            assertThat(accepted.status()).as(processor + ": " + accepted).isEqualTo(202);
        }
        Processors.awaitAllCaughtUp(erin);

        // whether a token is still a ReplayToken once caught up depends on gaps and later events; the count does not
        for (String processor : processors) {
            assertThat(Processors.one(erin, processor).get("replaysCompleted").asLong())
                    .as(processor + " was replayed").isEqualTo(1);
        }
        assertThat(checksums()).isEqualTo(before);
    }

    /** Table → "rows:md5" of every read-model table. */
    private Map<String, String> checksums() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'""", String.class).stream()
                .filter(t -> !AXON_TABLES.contains(t) && !OTHER_NON_READ_MODEL_TABLES.contains(t) && !t.startsWith("lookup_"))
                .sorted().toList();
        Map<String, String> sums = new TreeMap<>();
        for (String table : tables) {
            List<String> columns = jdbc.queryForList("""
                    select column_name from information_schema.columns
                    where table_schema = current_schema() and table_name = ?
                      and coalesce(column_default, '') not like 'nextval(%' and is_identity = 'NO'
                    order by ordinal_position""", String.class, table);
            String row = columns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
            sums.put(table, jdbc.queryForObject("select count(*) || ':' || md5(coalesce(string_agg(r, E'\\n' order by r), ''))"
                    + " from (select row(" + row + ")::text as r from \"" + table + "\") rows", String.class));
        }
        return sums;
    }

    /** Accounts, violations, flags, restrictions, suspensions, approvals, rejections, appeals, cases and links. */
    private void buildScenario() {
        String flagged = newId("acct");
        String vFlagged = accountWithViolation(flagged, "FREE");
        ok(alice.post("/api/v1/accounts/" + flagged + "/flag", citing("bursty prompts", List.of(vFlagged))));
        Map<String, Object> restriction = new LinkedHashMap<>(citing("rate abuse", List.of(vFlagged)));
        restriction.put("kind", "MODEL_ACCESS");
        ok(alice.post("/api/v1/accounts/" + flagged + "/restrictions", restriction));
        ok(alice.post("/api/v1/accounts/" + flagged + "/suspension", citing("distillation", List.of(vFlagged))));
        ok(alice.post("/api/v1/accounts/" + flagged + "/reinstatement", Map.of("reason", "false positive")));

        String enterprise = newId("acct");
        String vEnterprise = accountWithViolation(enterprise, "ENTERPRISE");
        String proposal = ok(alice.post("/api/v1/accounts/" + enterprise + "/suspension", citing("distillation", List.of(vEnterprise)))).text("actionId");
        ok(bob.post("/api/v1/approvals/" + proposal + "/approve", Map.of("comment", "clear")));

        String banned = newId("acct");
        String vBanned = accountWithViolation(banned, "PRO");
        String ban = ok(alice.post("/api/v1/accounts/" + banned + "/ban", citing("campaign member", List.of(vBanned)))).text("actionId");
        ok(bob.post("/api/v1/approvals/" + ban + "/approve", Map.of("comment", "campaign")));

        String spared = newId("acct");
        String vSpared = accountWithViolation(spared, "PRO");
        String rejected = ok(alice.post("/api/v1/accounts/" + spared + "/ban", citing("weak", List.of(vSpared)))).text("actionId");
        ok(bob.post("/api/v1/approvals/" + rejected + "/reject", Map.of("comment", "weak evidence")));

        String appealing = newId("acct");
        String vAppealing = accountWithViolation(appealing, "FREE");
        ok(alice.post("/api/v1/accounts/" + appealing + "/suspension", citing("distillation", List.of(vAppealing))));
        String appeal = ok(alice.post("/api/v1/accounts/" + appealing + "/appeals", Map.of("statement", "shared proxy"))).text("appealId");
        ok(bob.post("/api/v1/appeals/" + appeal + "/decision", Map.of("outcome", "OVERTURNED", "reason", "shared proxy")));

        ok(dave.post("/api/v1/violations:batch", Map.of("violations", batchItems(spared, 5))));

        Map<String, Object> openCase = new LinkedHashMap<>();
        openCase.put("title", "Proxy-network distillation campaign");
        openCase.put("category", "MIXED");
        openCase.put("severity", "CRITICAL");
        openCase.put("summary", "Accounts rotating through residential proxies");
        openCase.put("accountIds", List.of(flagged, enterprise));
        String caseId = ok(alice.post("/api/v1/cases", openCase)).text("caseId");
        ok(alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", List.of(banned, spared, appealing))));
        ok(alice.post("/api/v1/cases/" + caseId + "/escalation", Map.of("tier", "T2_INVESTIGATION", "reason", "scale")));
        ok(alice.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assignee", "bob")));
        ok(alice.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "three firms behind it")));
        Map<String, Object> caseRestriction = new LinkedHashMap<>();
        caseRestriction.put("kind", "REGION_BLOCK");
        caseRestriction.put("reason", "campaign");
        caseRestriction.put("caseId", caseId);
        ok(alice.post("/api/v1/accounts/" + spared + "/restrictions", caseRestriction));
    }

    private static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 202);
        return response;
    }
}
