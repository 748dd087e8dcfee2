package io.warden.infra.web;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Restricted-party lists, screening on registration, on demand and on a new list, and unsupported regions. */
class ScreeningIT extends ExportControlTestSupport {

    static byte[] fixtureList() throws Exception {
        try (InputStream in = ScreeningIT.class.getResourceAsStream("/screening/fixture-list.csv")) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    ApiClient.Response importFixture() throws Exception {
        ApiClient.Response imported = upload("erin", "/api/v1/admin/screening/lists", "fixture-list.csv.gz", gzip(fixtureList()));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
        return imported;
    }

    @Test
    void an_admin_imports_a_gzipped_list_and_it_becomes_the_active_version() throws Exception {
        ApiClient.Response imported = importFixture();

        assertThat(imported.text("importId")).isNotBlank();
        assertThat(imported.text("status")).isEqualTo("ACTIVE");
        assertThat(imported.json().get("rows").asInt()).isEqualTo(20);
        ApiClient.Response lists = erin.get("/api/v1/admin/screening/lists");
        assertThat(lists.status()).as(lists.toString()).isEqualTo(200);
        assertThat(lists.json().get("items").toString()).contains(imported.text("importId"));
        assertThat(lists.json().get("items").get(0).get("active").asBoolean()).isTrue();
        assertThat(lists.json().get("items").get(0).get("checksum").asString()).hasSize(64);
        assertThat(lists.json().get("items").get(0).get("importedBy").asString()).isEqualTo("erin");
        assertThat(rowCount("screening_list_entry")).isGreaterThanOrEqualTo(20);
        assertThat(storedEventTypes("consolidated-screening-list")).contains("ScreeningListImportedEvent");
    }

    @Test
    void a_malformed_row_is_reported_with_its_line_and_the_rest_is_imported() throws Exception {
        String csv = new String(fixtureList(), StandardCharsets.UTF_8) + "broken,row,with,too,few,columns\n";

        ApiClient.Response imported = upload("erin", "/api/v1/admin/screening/lists", "with-broken-row.csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
        assertThat(imported.json().get("rows").asInt()).isEqualTo(20);
        assertThat(imported.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(imported.json().get("rejectedRows").get(0).get("line").asLong()).isEqualTo(22);
    }

    @Test
    void a_retried_upload_with_the_same_idempotency_key_imports_once() throws Exception {
        String key = newId("key");
        ApiClient.Response first = upload("erin", "/api/v1/admin/screening/lists", "list.csv", fixtureList(), key);
        long imports = rowCount("screening_import");

        ApiClient.Response retry = upload("erin", "/api/v1/admin/screening/lists", "list.csv", fixtureList(), key);
        ApiClient.Response otherFile = upload("erin", "/api/v1/admin/screening/lists", "list.csv",
                (new String(fixtureList(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8), key);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.text("importId")).isEqualTo(first.text("importId"));
        assertThat(rowCount("screening_import")).isEqualTo(imports);
        assertProblem(otherFile, 422);
    }

    @Test
    void a_file_that_is_not_a_list_is_refused_and_nothing_changes() {
        long before = storedEventsInTotal();

        ApiClient.Response refused = upload("erin", "/api/v1/admin/screening/lists", "notes.txt",
                "just some text\n".getBytes(StandardCharsets.UTF_8));

        assertProblem(refused, 400);
        assertThat(storedEventsInTotal()).isEqualTo(before);
    }

    @Test
    void only_admins_manage_lists() throws Exception {
        assertProblem(upload("alice", "/api/v1/admin/screening/lists", "list.csv", fixtureList()), 403);
        assertProblem(carol.get("/api/v1/admin/screening/lists"), 403);
        assertProblem(upload(null, "/api/v1/admin/screening/lists", "list.csv", fixtureList()), 401);
        assertProblem(dave.post("/api/v1/screening/check", Map.of("name", "Northwind Quantum")), 403);
        String id = newId("acct");
        assertThat(alice.post("/api/v1/accounts", registration(id, "Lumen Analytics", null, "SG")).status()).isEqualTo(201);
        assertProblem(carol.post("/api/v1/accounts/" + id + "/screening", Map.of()), 403);
    }

    @Test
    void registering_a_listed_firm_under_a_slightly_different_spelling_records_a_restricted_party_violation() throws Exception {
        importFixture();
        String id = newId("acct");

        ApiClient.Response registered = dave.post("/api/v1/accounts",
                registration(id, "Nortwind Quantum Computing Limited", null, "SG"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        List<String> found = awaitViolations(id, "RESTRICTED_PARTY", 1);
        assertThat(found).singleElement().satisfies(json -> {
            assertThat(json).contains("\"category\":\"EXPORT_CONTROL\"");
            assertThat(json).contains("EL:fx-001");
            assertThat(json).contains("Northwind Quantum Computing Co., Ltd.");
            assertThat(json).contains("Entity List (EL)");
            assertThat(json).containsPattern("\"confidence\":0\\.9\\d*");
        });
        assertThat(metaDataOfEvent(id, "RESTRICTED_PARTY")).contains("\"actor\":\"system:screening\"");
    }

    @Test
    void an_analyst_sees_ranked_matches_with_explanations() throws Exception {
        importFixture();

        ApiClient.Response check = alice.post("/api/v1/screening/check",
                Map.of("name", "Kalinov Precizion Instruments JSC", "country", "RU"));

        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().get("matches").get(0).get("entryId").asString()).isEqualTo("SDN:fx-003");
        assertThat(check.json().get("matches").get(0).get("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(check.json().get("matches").get(0).get("explanation").asString()).contains("token set");
        assertThat(check.json().get("matches").get(0).get("explanation").asString()).contains("address in RU");
        assertProblem(alice.post("/api/v1/screening/check", Map.of("name", "")), 400);
    }

    @Test
    void screening_on_demand_and_after_a_new_list_never_duplicates_a_violation() throws Exception {
        importFixture();
        String id = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(id, "Zagros Petrochemical Trading", null, "AE")).status())
                .isEqualTo(201);
        String automatic = awaitViolations(id, "RESTRICTED_PARTY", 1).get(0);

        ApiClient.Response onDemand = alice.post("/api/v1/accounts/" + id + "/screening", Map.of());
        importFixture();
        importFixture();

        assertThat(onDemand.status()).as(onDemand.toString()).isEqualTo(200);
        assertThat(onDemand.json().get("recorded").asInt()).isZero();
        assertThat(automatic).contains(onDemand.json().get("violationIds").get(0).asString());
        // the reactor handles events in order: once a later registration is screened, both re-screenings have run
        String marker = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(marker, "Orontes Engineering", null, "AE")).status())
                .isEqualTo(201);
        awaitViolations(marker, "RESTRICTED_PARTY", 1);
        assertThat(violations(id, "RESTRICTED_PARTY")).hasSize(1);
        assertProblem(alice.post("/api/v1/accounts/unknown-account/screening", Map.of()), 404);
    }

    @Test
    void registering_in_an_unsupported_region_or_traffic_from_one_records_an_unsupported_region_violation() {
        String inRegion = newId("acct");
        String fromRegion = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(inRegion, "Lumen Analytics", null, "RU")).status()).isEqualTo(201);
        assertThat(dave.post("/api/v1/accounts", registration(fromRegion, "Lumen Analytics", null, "SG")).status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> violation = violation(newId("v"));
            violation.put("evidence", Map.of("detector", "geo", "summary", "proxy exit in CN", "sourceCountry", "CN"));
            assertThat(dave.post("/api/v1/accounts/" + fromRegion + "/violations", violation).status()).isEqualTo(201);
        }

        assertThat(awaitViolations(inRegion, "UNSUPPORTED_REGION", 1)).singleElement()
                .satisfies(json -> assertThat(json).contains("\"sourceCountry\":\"RU\""));
        assertThat(awaitViolations(fromRegion, "UNSUPPORTED_REGION", 1)).singleElement()
                .satisfies(json -> assertThat(json).contains("\"sourceCountry\":\"CN\""));
    }

    @Test
    void a_violation_that_already_reports_an_unsupported_region_does_not_produce_a_second_one() {
        String id = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(id, "Lumen Analytics", null, "SG")).status()).isEqualTo(201);
        Map<String, Object> own = violation(newId("v"));
        own.put("category", "EXPORT_CONTROL");
        own.put("policy", "UNSUPPORTED_REGION");
        own.put("evidence", Map.of("detector", "geo", "summary", "traffic from IR", "sourceCountry", "IR"));
        assertThat(dave.post("/api/v1/accounts/" + id + "/violations", own).status()).isEqualTo(201);
        // a later violation from a supported region is the marker that the reactor has passed the first one
        String marker = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(marker, "Marker Ltd", null, "KP")).status()).isEqualTo(201);
        awaitViolations(marker, "UNSUPPORTED_REGION", 1);

        assertThat(violations(id, "UNSUPPORTED_REGION")).hasSize(1);
    }

    @Test
    void the_real_list_imports_and_catches_a_listed_firm_under_another_spelling() throws Exception {
        Optional<Path> real = realList();
        Assumptions.assumeTrue(real.isPresent(), "the real Consolidated Screening List is not here (set "
                + "WARDEN_SCREENING_DATA or put shared/data/screening/ beside the project); skipped");

        ApiClient.Response imported = upload("erin", "/api/v1/admin/screening/lists", real.get().getFileName().toString(),
                Files.readAllBytes(real.get()));
        String id = newId("acct");
        assertThat(dave.post("/api/v1/accounts", registration(id, "Hikvision Digital Technology Hangzhou Co Ltd", null, "SG"))
                .status()).isEqualTo(201);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
        assertThat(imported.json().get("rows").asInt() + imported.json().get("rejected").asInt()).isEqualTo(14_160);
        assertThat(awaitViolations(id, "RESTRICTED_PARTY", 1)).anySatisfy(json ->
                assertThat(json.toUpperCase()).contains("HIKVISION"));
    }

    static Optional<Path> realList() {
        String file = "consolidated_screening_list_2022-04.csv.gz";
        String configured = System.getenv("WARDEN_SCREENING_DATA");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            Path candidate = Files.isDirectory(p) ? p.resolve(file) : p;
            return Files.isReadable(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/screening").resolve(file);
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
