package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ownership-based control: an organization majority-owned from unsupported regions, directly or not. */
class OrganizationsIT extends ExportControlTestSupport {

    void organization(String id, String country) {
        ApiClient.Response created = alice.post("/api/v1/organizations",
                Map.of("organizationId", id, "name", "Org " + id, "headquartersCountry", country));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    void stake(String owner, String owned, double percent) {
        ApiClient.Response set = put("alice", "/api/v1/organizations/" + owned + "/owners/" + owner, Map.of("percent", percent));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    ApiClient.Response awaitOrganization(String id, boolean restricted) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ApiClient.Response r = carol.get("/api/v1/organizations/" + id);
            return r.status() == 200 && r.json().get("restricted").asBoolean() == restricted;
        });
        return carol.get("/api/v1/organizations/" + id);
    }

    @Test
    void a_subsidiary_majority_owned_through_two_intermediates_from_an_unsupported_region_gets_its_accounts_restricted() {
        String parent = newId("parent");
        String first = newId("first");
        String second = newId("second");
        String target = newId("target");
        organization(parent, "CN");
        organization(first, "SG");
        organization(second, "NL");
        organization(target, "DE");
        String before = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(before, "Target GmbH", target, "DE")).status()).isEqualTo(201);

        stake(parent, first, 70);
        stake(parent, second, 70);
        stake(first, target, 40);
        stake(second, target, 40);

        ApiClient.Response view = awaitOrganization(target, true);
        assertThat(view.json().get("unsupportedRegionShare").asDouble()).isEqualTo(56.0);
        assertThat(view.json().get("controlPaths").toString())
                .contains("[\"" + parent + "\",\"" + first + "\",\"" + target + "\"]")
                .contains("[\"" + parent + "\",\"" + second + "\",\"" + target + "\"]");
        assertThat(view.json().get("owners").toString()).contains(first).contains(second);
        assertThat(awaitViolations(before, "FOREIGN_CONTROL", 1)).singleElement().satisfies(json -> {
            assertThat(json).contains("\"category\":\"EXPORT_CONTROL\"");
            assertThat(json).contains(parent + " > " + first + " > " + target);
        });

        String after = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(after, "Target GmbH", target, "DE")).status()).isEqualTo(201);
        assertThat(awaitViolations(after, "FOREIGN_CONTROL", 1)).hasSize(1);
    }

    @Test
    void a_change_that_takes_the_share_to_fifty_percent_or_below_ends_the_restriction() {
        String parent = newId("parent");
        String target = newId("target");
        organization(parent, "RU");
        organization(target, "SG");
        stake(parent, target, 60);
        awaitOrganization(target, true);

        stake(parent, target, 50);

        ApiClient.Response view = awaitOrganization(target, false);
        assertThat(view.json().get("unsupportedRegionShare").asDouble()).isEqualTo(50.0);
        assertThat(storedEventTypes(target)).contains("OrganizationRestrictedEvent", "OrganizationRestrictionEndedEvent");

        stake(parent, target, 0);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                carol.get("/api/v1/organizations/" + target).json().get("owners").isEmpty());
    }

    @Test
    void stakes_above_one_hundred_percent_in_total_or_out_of_range_or_of_unknown_owners_are_refused() {
        String a = newId("a");
        String b = newId("b");
        String target = newId("target");
        organization(a, "US");
        organization(b, "US");
        organization(target, "US");
        stake(a, target, 70);

        ApiClient.Response tooMuch = put("alice", "/api/v1/organizations/" + target + "/owners/" + b, Map.of("percent", 31));
        assertProblem(tooMuch, 409);
        assertThat(tooMuch.text("detail")).contains("at most 30");
        assertProblem(put("alice", "/api/v1/organizations/" + target + "/owners/" + b, Map.of("percent", 150)), 400);
        assertProblem(put("alice", "/api/v1/organizations/" + target + "/owners/" + b, Map.of("percent", -5)), 400);
        assertProblem(put("alice", "/api/v1/organizations/" + target + "/owners/nobody-" + a, Map.of("percent", 5)), 404);
        assertProblem(put("alice", "/api/v1/organizations/nobody-" + a + "/owners/" + b, Map.of("percent", 5)), 404);
        assertProblem(carol.get("/api/v1/organizations/nobody-" + a), 404);
    }

    @Test
    void registering_again_with_the_same_data_is_200_and_with_other_data_409() {
        String id = newId("org");
        organization(id, "US");

        ApiClient.Response same = alice.post("/api/v1/organizations",
                Map.of("organizationId", id, "name", "Org " + id, "headquartersCountry", "US"));
        ApiClient.Response other = alice.post("/api/v1/organizations",
                Map.of("organizationId", id, "name", "Another name", "headquartersCountry", "US"));

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertProblem(other, 409);
        assertProblem(alice.post("/api/v1/organizations", Map.of("organizationId", id, "name", "x", "headquartersCountry", "XX")), 400);
    }

    @Test
    void only_enforcers_change_organizations_and_auditors_read_them() {
        String id = newId("org");
        organization(id, "US");

        assertProblem(dave.post("/api/v1/organizations", Map.of("organizationId", newId("o"), "name", "x", "headquartersCountry", "US")), 403);
        assertProblem(carol.post("/api/v1/organizations", Map.of("organizationId", newId("o"), "name", "x", "headquartersCountry", "US")), 403);
        assertProblem(put("carol", "/api/v1/organizations/" + id + "/owners/" + id, Map.of("percent", 5)), 403);
        assertProblem(put(null, "/api/v1/organizations/" + id + "/owners/" + id, Map.of("percent", 5)), 401);
        assertThat(carol.get("/api/v1/organizations/" + id + "?minVersion=0").status()).isEqualTo(200);
        assertProblem(dave.get("/api/v1/organizations/" + id), 403);
    }
}
