package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before any restricted-party list is imported (a database of its own, so no other test's list is there): screening
 * on demand is refused instead of answering "no match" for everyone, and the refusal records nothing.
 */
class ScreeningWithoutListIT extends ExportControlTestSupport {

    @Test
    void screening_before_any_list_is_a_conflict_that_says_how_to_import_one_and_changes_nothing() {
        String id = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(id, "Northwind Quantum", null, "DE")).status())
                .isEqualTo(201);
        long events = rowCount("domain_event_entry");

        ApiClient.Response check = alice.post("/api/v1/screening/check", Map.of("name", "Northwind Quantum"));
        ApiClient.Response account = alice.post("/api/v1/accounts/" + id + "/screening", Map.of());

        for (ApiClient.Response refused : new ApiClient.Response[]{check, account}) {
            assertProblem(refused, 409);
            assertThat(refused.text("type")).endsWith("no-screening-list");
            assertThat(refused.text("detail")).contains("POST /api/v1/admin/screening/lists");
        }
        assertThat(rowCount("domain_event_entry")).as("a refused screening leaves no event behind").isEqualTo(events);
    }
}
