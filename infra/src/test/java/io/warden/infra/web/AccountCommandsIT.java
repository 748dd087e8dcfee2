package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountCommandsIT extends ApiTestSupport {

    @Test
    void registering_an_account_answers_201_with_its_version_status_and_location() {
        String id = newId("acct");
        ApiClient.Response response = alice.post("/api/v1/accounts", account(id, "PRO"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.text("accountId")).isEqualTo(id);
        assertThat(response.number("version")).isZero();
        assertThat(response.text("status")).isEqualTo("ACTIVE");
        assertThat(response.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(storedEventTypes(id)).containsExactly("AccountRegisteredEvent");
    }

    @Test
    void registering_the_same_account_with_the_same_data_answers_200_and_stores_nothing_new() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "PRO"));

        ApiClient.Response again = dave.post("/api/v1/accounts", account(id, "PRO"));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.number("version")).isZero();
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void registering_an_existing_id_with_different_data_is_refused_with_409() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "PRO"));

        ApiClient.Response response = alice.post("/api/v1/accounts", account(id, "ENTERPRISE"));

        assertProblem(response, 409);
        assertThat(response.text("detail")).contains(id);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void invalid_registration_is_400_with_one_error_per_field_and_stores_nothing() {
        long before = storedEventsInTotal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", "has spaces");
        body.put("organization", "");
        body.put("country", "de");

        ApiClient.Response response = alice.post("/api/v1/accounts", body);

        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("accountId", "organization", "country", "tier");
        assertThat(storedEventsInTotal()).isEqualTo(before);
    }

    @Test
    void an_unknown_enum_value_is_400_naming_the_field_and_the_allowed_values() {
        Map<String, Object> body = account(newId("acct"), "PLATINUM");

        ApiClient.Response response = alice.post("/api/v1/accounts", body);

        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("tier");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("ENTERPRISE");
    }

    @Test
    void malformed_json_is_400_problem() {
        ApiClient.Response response = alice.post("/api/v1/accounts", "{\"accountId\": ");

        assertProblem(response, 400);
    }

    @Test
    void recording_a_violation_answers_201_and_the_same_violation_id_again_answers_200_without_a_new_event() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));

        ApiClient.Response first = dave.post("/api/v1/accounts/" + id + "/violations", violation("v-dup-" + id));
        ApiClient.Response second = dave.post("/api/v1/accounts/" + id + "/violations", violation("v-dup-" + id));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("violationId")).isEqualTo("v-dup-" + id);
        assertThat(first.text("accountId")).isEqualTo(id);
        assertThat(first.number("version")).isEqualTo(1);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.number("version")).isEqualTo(1);
        assertThat(storedEventTypes(id)).containsExactly("AccountRegisteredEvent", "ViolationRecordedEvent");
    }

    @Test
    void a_violation_without_an_id_gets_one_made_by_the_server() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));

        ApiClient.Response response = dave.post("/api/v1/accounts/" + id + "/violations", violation(null));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("violationId")).isNotBlank();
    }

    @Test
    void a_violation_with_invalid_evidence_is_400_naming_the_nested_field() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        Map<String, Object> body = violation(newId("v"));
        body.put("evidence", Map.of("detector", "d", "summary", "s", "confidence", 1.5));

        ApiClient.Response response = dave.post("/api/v1/accounts/" + id + "/violations", body);

        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("evidence.confidence");
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void a_violation_on_an_unknown_account_is_404() {
        ApiClient.Response response = dave.post("/api/v1/accounts/" + newId("ghost") + "/violations", violation(newId("v")));

        assertProblem(response, 404);
    }

    @Test
    void flagging_and_unflagging_change_the_status_and_flagging_twice_is_409() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");

        ApiClient.Response flagged = alice.post("/api/v1/accounts/" + id + "/flag", citing("bursty prompts", List.of(v)));
        ApiClient.Response again = alice.post("/api/v1/accounts/" + id + "/flag", Map.of("reason", "again"));
        ApiClient.Response unflagged = alice.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "false positive"));
        ApiClient.Response unflagAgain = alice.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "again"));

        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        assertThat(flagged.text("status")).isEqualTo("FLAGGED");
        assertThat(flagged.number("version")).isEqualTo(2);
        assertProblem(again, 409);
        assertThat(unflagged.text("status")).isEqualTo("ACTIVE");
        assertProblem(unflagAgain, 409);
    }

    @Test
    void a_restriction_citing_the_accounts_violation_is_201_and_can_be_lifted_once() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        Map<String, Object> body = new LinkedHashMap<>(citing("rate abuse", List.of(v)));
        body.put("kind", "RATE_LIMIT");

        ApiClient.Response restricted = alice.post("/api/v1/accounts/" + id + "/restrictions", body);
        String restrictionId = restricted.text("restrictionId");
        ApiClient.Response lifted = alice.post("/api/v1/accounts/" + id + "/restrictions/" + restrictionId + "/lift", Map.of("reason", "fixed"));
        ApiClient.Response liftedAgain = alice.post("/api/v1/accounts/" + id + "/restrictions/" + restrictionId + "/lift", Map.of("reason", "again"));
        ApiClient.Response unknown = alice.post("/api/v1/accounts/" + id + "/restrictions/nope/lift", Map.of("reason", "x"));

        assertThat(restricted.status()).as(restricted.toString()).isEqualTo(201);
        assertThat(restrictionId).isNotBlank();
        assertThat(restricted.number("version")).isEqualTo(2);
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        assertProblem(liftedAgain, 409);
        assertProblem(unknown, 404);
    }

    @Test
    void enforcing_without_grounds_or_with_another_accounts_violation_is_409_and_stores_nothing() {
        String id = newId("acct");
        accountWithViolation(id, "PRO");
        String other = newId("acct");
        String othersViolation = accountWithViolation(other, "PRO");

        ApiClient.Response noGrounds = alice.post("/api/v1/accounts/" + id + "/suspension", Map.of("reason", "because"));
        ApiClient.Response foreign = alice.post("/api/v1/accounts/" + id + "/suspension", citing("because", List.of(othersViolation)));
        Map<String, Object> restriction = new LinkedHashMap<>(citing("because", List.of()));
        restriction.put("kind", "MODEL_ACCESS");
        ApiClient.Response restrictNoGrounds = alice.post("/api/v1/accounts/" + id + "/restrictions", restriction);

        assertProblem(noGrounds, 409);
        assertProblem(foreign, 409);
        assertThat(foreign.text("detail")).contains(othersViolation);
        assertProblem(restrictNoGrounds, 409);
        assertThat(storedEvents(id)).isEqualTo(2);
    }

    @Test
    void suspending_a_pro_account_applies_at_once_and_reinstatement_ends_it() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");

        ApiClient.Response suspended = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        ApiClient.Response suspendedAgain = alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
        ApiClient.Response reinstated = alice.post("/api/v1/accounts/" + id + "/reinstatement", Map.of("reason", "paid the fine"));
        ApiClient.Response reinstatedAgain = alice.post("/api/v1/accounts/" + id + "/reinstatement", Map.of("reason", "again"));

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.text("actionId")).isNotBlank();
        assertProblem(suspendedAgain, 409);
        assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(200);
        assertThat(reinstated.text("status")).isEqualTo("ACTIVE");
        assertProblem(reinstatedAgain, 409);
        assertThat(reinstatedAgain.text("detail")).contains("not suspended");
    }

    @Test
    void an_appeal_is_decided_by_someone_other_than_the_suspender_and_overturning_reinstates() {
        String id = newId("acct");
        String v = accountWithViolation(id, "PRO");
        alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));

        ApiClient.Response filed = alice.post("/api/v1/accounts/" + id + "/appeals", Map.of("statement", "we were testing our own proxy"));
        ApiClient.Response second = alice.post("/api/v1/accounts/" + id + "/appeals", Map.of("statement", "again"));
        String appealId = filed.text("appealId");
        ApiClient.Response bySuspender = alice.post("/api/v1/appeals/" + appealId + "/decision", Map.of("outcome", "OVERTURNED", "reason", "mine"));
        ApiClient.Response byOther = bob.post("/api/v1/appeals/" + appealId + "/decision", Map.of("outcome", "OVERTURNED", "reason", "evidence was a shared proxy"));
        ApiClient.Response unknown = bob.post("/api/v1/appeals/nope/decision", Map.of("outcome", "UPHELD", "reason", "x"));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(appealId).isNotBlank();
        assertProblem(second, 409);
        assertProblem(bySuspender, 409);
        assertThat(byOther.status()).as(byOther.toString()).isEqualTo(200);
        assertThat(byOther.text("accountStatus")).isEqualTo("ACTIVE");
        assertProblem(unknown, 404);
        assertThat(storedEventTypes(id)).endsWith("AppealDecidedEvent", "AccountReinstatedEvent");
    }

    @Test
    void appealing_an_active_account_is_409() {
        String id = newId("acct");
        accountWithViolation(id, "PRO");

        assertProblem(alice.post("/api/v1/accounts/" + id + "/appeals", Map.of("statement", "why")), 409);
    }

    @Test
    void a_batch_records_valid_items_and_reports_duplicates_and_rejections_by_index() {
        String id = newId("acct");
        alice.post("/api/v1/accounts", account(id, "FREE"));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> item = violation("batch-" + id + "-" + i);
            item.put("accountId", id);
            items.add(item);
        }
        Map<String, Object> duplicate = violation("batch-" + id + "-0");
        duplicate.put("accountId", id);
        items.add(duplicate);
        Map<String, Object> invalid = violation(null);
        invalid.put("accountId", id);
        invalid.put("severity", null);
        items.add(invalid);
        Map<String, Object> unknownAccount = violation(null);
        unknownAccount.put("accountId", newId("ghost"));
        items.add(unknownAccount);

        ApiClient.Response response = dave.post("/api/v1/violations:batch", Map.of("violations", items));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(20);
        assertThat(response.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(response.json().get("rejected")).hasSize(2);
        assertThat(response.json().get("rejected").get(0).get("index").asInt()).isEqualTo(21);
        assertThat(response.json().get("rejected").get(0).get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("rejected").get(1).get("index").asInt()).isEqualTo(22);
        assertThat(response.json().get("rejected").get(1).get("problem").get("status").asInt()).isEqualTo(404);
        assertThat(storedEvents(id)).isEqualTo(21);
    }

    @Test
    void an_empty_batch_is_400() {
        assertProblem(dave.post("/api/v1/violations:batch", Map.of("violations", List.of())), 400);
    }
}
