package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A takedown sends its accounts' commands ten to a transaction; a group with a failing account is sent again one
 * account at a time: every account's outcome (done, skipped, failed with its reason) is the one it gets alone, each
 * account acts once with no gap in its sequence numbers, and the accounts' events carry the requester and the
 * takedown's id.
 */
@TestPropertySource(properties = {"warden.takedown.chunk-size=25", "warden.takedown.parallelism=2",
        "warden.takedown.accounts-per-transaction=10"})
class BatchedTakedownIT extends ViewsTestSupport {

    @Test
    void a_group_with_a_failing_account_is_redone_one_by_one_and_every_other_account_acts_once() {
        String prefix = newId("bt");
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> String.format("%s-%03d", prefix, i)).toList();
        ids.forEach(id -> assertThat(alice.post("/api/v1/accounts", account(id, "PRO")).status()).isEqualTo(201));
        ApiClient.Response opened = alice.post("/api/v1/cases", Map.of("title", "Ring", "category", "USAGE_POLICY",
                "severity", "CRITICAL", "summary", "sixty accounts"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.text("caseId");
        assertThat(alice.post("/api/v1/cases/" + caseId + "/accounts", Map.of("accountIds", ids)).status()).isEqualTo(200);
        // linked, as the lookup says, but never registered: their commands fail, each inside a group of good ones
        List<String> ghosts = List.of(prefix + "-004x", prefix + "-031x");
        ghosts.forEach(g -> jdbc.update("insert into lookup_case_account (case_id, account_id) values (?, ?)", caseId, g));
        String suspended = ids.get(5);
        String violationId = newId("v");
        assertThat(dave.post("/api/v1/accounts/" + suspended + "/violations", violation(violationId)).status()).isEqualTo(201);
        suspend(suspended, List.of(violationId));

        ApiClient.Response requested = alice.post("/api/v1/cases/" + caseId + "/enforcement",
                Map.of("action", "SUSPEND", "reason", "coordinated campaign"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String enforcementId = requested.text("enforcementId");
        ApiClient.Response completed = awaitGet(carol, "/api/v1/cases/" + caseId + "/enforcement/" + enforcementId,
                r -> r.status() == 200 && "COMPLETED".equals(r.text("status")));

        assertThat(completed.number("done")).as(completed.toString()).isEqualTo(59);
        assertThat(completed.number("skipped")).isEqualTo(1);
        assertThat(completed.number("failed")).isEqualTo(2);
        List<String> failedAccounts = new ArrayList<>();
        for (JsonNode failure : completed.json().get("failures")) {
            failedAccounts.add(failure.get("accountId").asString());
            assertThat(failure.get("reason").asString()).contains("is not registered");
        }
        assertThat(failedAccounts).containsExactlyInAnyOrderElementsOf(ghosts);
        assertThat(completed.json().get("skippedReasons").get(0).get("accountId").asString()).isEqualTo(suspended);

        for (String id : ids) {
            long suspensions = storedEventTypes(id).stream().filter("AccountSuspendedEvent"::equals).count();
            assertThat(suspensions).as(id).isEqualTo(1);
        }
        ghosts.forEach(g -> assertThat(storedEvents(g)).isZero());
        assertThat(jdbc.queryForObject("""
                select count(*) from (
                    select aggregate_identifier, count(*) n, min(sequence_number) low, max(sequence_number) high
                    from domain_event_entry where aggregate_identifier like ? group by aggregate_identifier) s
                where low <> 0 or high <> n - 1""", Long.class, prefix + "-%"))
                .as("accounts with a gap in their sequence numbers").isZero();
        // ids.get(3) shares its group with the first ghost (redone one by one), ids.get(45) does not
        for (String id : List.of(ids.get(3), ids.get(45))) {
            assertThat(lastMetaData(id)).contains("\"actor\":\"alice\"")
                    .contains("\"correlationId\":\"" + enforcementId + "\"");
        }

        assertThat(suspensionTransactions(ids.subList(0, 5))).as("the group with a ghost, redone one by one").isEqualTo(5);
        assertThat(suspensionTransactions(ids.subList(36, 46))).as("a group of good accounts is one transaction").isEqualTo(1);

        // the next command on an account of a redone group continues from what is stored
        long stored = storedEvents(ids.get(3));
        ApiClient.Response next = dave.post("/api/v1/accounts/" + ids.get(3) + "/violations", violation(newId("v")));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.number("version")).isEqualTo(stored);
    }

    private long suspensionTransactions(List<String> accountIds) {
        return jdbc.queryForObject("select count(distinct xmin::text) from domain_event_entry where aggregate_identifier = any(?) "
                + "and payload_type like '%AccountSuspendedEvent'", Long.class, (Object) accountIds.toArray(String[]::new));
    }
}
