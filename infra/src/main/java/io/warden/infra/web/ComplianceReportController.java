package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.ComplianceReportPage;
import io.warden.api.queries.ComplianceReportRow;
import io.warden.api.queries.ComplianceReportView;
import io.warden.api.queries.ComplianceTotals;
import io.warden.api.queries.FindComplianceReportPageQuery;
import io.warden.api.queries.FindComplianceTotalsQuery;
import io.warden.api.types.ViolationCategory;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compliance report for a regulator's period, as JSON or CSV. Both are streamed page by page (keyset pages of
 * {@value #PAGE} violations through the query bus), so a year of an incident's violations never sits in memory.
 */
@RestController
@RequestMapping("/api/v1/reports/compliance")
@Tag(name = "Dashboard and compliance reports")
public class ComplianceReportController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final List<String> CSV_COLUMNS = List.of("violation_id", "account_id", "organization", "organization_id",
            "country", "category", "policy", "severity", "detected_at", "action_id", "action_kind", "action_cited_as",
            "action_taken_at", "action_taken_by", "action_approved_by", "action_case_id", "action_ended_at",
            "account_case_ids", "referral_id");
    private static final int PAGE = 1000;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock;

    public ComplianceReportController(QueryGateway queries, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Compliance report of a period (AUDITOR, ADMIN), JSON or CSV by Accept", description = """
            One row per violation whose **detectedAt** lies in [from, to) (from inclusive, to exclusive), optionally of \
            one category, in (detectedAt, violationId) order, with the account's organization and registration \
            country, the actions taken on it and every case the account is linked to.

            Actions taken on a violation: flags, restrictions, suspensions and approved bans (never mere proposals) \
            that cite it (`citedAs` VIOLATION), and actions on its account that cite a case instead (`citedAs` CASE, \
            e.g. a campaign takedown); each with when it took effect, who imposed or proposed it, who approved it, the \
            case it cites and when it ended (lifted, reinstated, overturned).

            `from` and `to` are ISO-8601 instants (`2026-01-01T00:00:00Z`) or dates (`2026-01-01`, meaning that day's \
            start in UTC). Both are optional: `to` defaults to now and `from` to 90 days before `to`. An unreadable \
            value, `from` not before `to`, or an unknown category is 400.

            JSON (`Accept: application/json`): `{from, to, category, generatedAt, totals, items}` with totals per \
            policy, per country and per action kind (distinct actions), the number of violations and of unactioned \
            ones.

            CSV (`Accept: text/csv`, RFC 4180, UTF-8): one line per (violation, action) pair, so a spreadsheet can \
            filter and pivot by action; a violation without any action has one line with empty action columns; \
            `account_case_ids` lists the account's cases separated by `;`. The totals come first as comment lines \
            starting with `#` (a CSV parser with `#` as comment marker skips them), then the header line, then the \
            rows.""")
    @ApiResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ComplianceReportView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public void report(@Parameter(description = "start of the period over detectedAt, inclusive") @RequestParam(required = false) String from,
                       @Parameter(description = "end of the period over detectedAt, exclusive") @RequestParam(required = false) String to,
                       @Parameter(description = "USAGE_POLICY or EXPORT_CONTROL; absent: both") @RequestParam(required = false) String category,
                       @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                       HttpServletResponse response) throws IOException {
        Period period = period(from, to, category);
        ComplianceTotals totals = queries.query(new FindComplianceTotalsQuery(period.from, period.to, period.category),
                ResponseTypes.instanceOf(ComplianceTotals.class)).join();
        Instant generatedAt = clock.instant();
        if (wantsCsv(accept)) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(period) + "\"");
            writeCsv(period, totals, generatedAt, response);
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            writeJson(period, totals, generatedAt, response);
        }
    }

    private void writeJson(Period period, ComplianceTotals totals, Instant generatedAt, HttpServletResponse response)
            throws IOException {
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writePOJOProperty("from", period.from);
            out.writePOJOProperty("to", period.to);
            out.writePOJOProperty("category", period.category);
            out.writePOJOProperty("generatedAt", generatedAt);
            out.writePOJOProperty("totals", totals);
            out.writeArrayPropertyStart("items");
            forEachPage(period, page -> page.items().forEach(out::writePOJO));
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private void writeCsv(Period period, ComplianceTotals totals, Instant generatedAt, HttpServletResponse response)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setCommentMarker('#')
                .setHeaderComments(csvComments(period, totals, generatedAt).toArray())
                .setHeader(CSV_COLUMNS.toArray(String[]::new))
                .get();
        try (CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8)), format)) {
            IOException[] failure = new IOException[1];
            forEachPage(period, page -> {
                for (ComplianceReportRow row : page.items()) {
                    try {
                        printRows(csv, row);
                    } catch (IOException e) {
                        failure[0] = e;
                        return;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    private static void printRows(CSVPrinter csv, ComplianceReportRow row) throws IOException {
        List<Object> violation = Arrays.asList(row.violationId(), row.accountId(), row.organization(),
                row.organizationId(), row.country(), row.category(), row.policy(), row.severity(), row.detectedAt());
        String cases = String.join(";", row.caseIds());
        if (row.actions().isEmpty()) {
            List<Object> line = new ArrayList<>(violation);
            line.addAll(Arrays.asList(null, null, null, null, null, null, null, null));
            line.add(cases);
            line.add(row.referralId());
            csv.printRecord(line);
            return;
        }
        for (ComplianceReportRow.ReportedAction action : row.actions()) {
            List<Object> line = new ArrayList<>(violation);
            line.addAll(Arrays.asList(action.actionId(), action.kind(), action.citedAs(), action.takenAt(),
                    action.takenBy(), action.approvedBy(), action.caseId(), action.endedAt()));
            line.add(cases);
            line.add(row.referralId());
            csv.printRecord(line);
        }
    }

    private static List<String> csvComments(Period period, ComplianceTotals totals, Instant generatedAt) {
        return List.of(
                "Warden compliance report: violations detected in [" + period.from + ", " + period.to + "), category "
                        + (period.category == null ? "all" : period.category.name()) + ", generated " + generatedAt,
                "violations: " + totals.violations() + "; unactioned: " + totals.unactionedViolations(),
                "violations by policy: " + joined(totals.byPolicy()),
                "violations by country: " + joined(totals.byCountry()),
                "distinct actions by kind: " + joined(totals.actionsByKind()),
                "one line per (violation, action); a violation without actions has one line with empty action columns");
    }

    private static String joined(Map<?, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private interface PageConsumer {
        void accept(ComplianceReportPage page);
    }

    private void forEachPage(Period period, PageConsumer consumer) {
        ComplianceReportPage.Cursor after = null;
        do {
            ComplianceReportPage page = queries.query(
                    new FindComplianceReportPageQuery(period.from, period.to, period.category, after, PAGE),
                    ResponseTypes.instanceOf(ComplianceReportPage.class)).join();
            consumer.accept(page);
            after = page.next();
        } while (after != null);
    }

    /** Chooses CSV only when the client prefers it; JSON otherwise (no Accept, {@code *}/{@code *}, JSON). */
    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()
                .thenComparing(MediaType::isWildcardSubtype));
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(Period period) {
        return "compliance-" + (period.category == null ? "all" : period.category.name().toLowerCase()) + "-"
                + period.from.toString().replace(':', '-') + "-" + period.to.toString().replace(':', '-') + ".csv";
    }

    private record Period(Instant from, Instant to, ViolationCategory category) {
    }

    private Period period(String fromText, String toText, String categoryText) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        Instant to = toText == null || toText.isBlank() ? clock.instant() : instant("to", toText, errors);
        Instant from = fromText == null || fromText.isBlank()
                ? (to == null ? null : to.minus(DEFAULT_PERIOD))
                : instant("from", fromText, errors);
        ViolationCategory category = null;
        if (categoryText != null && !categoryText.isBlank()) {
            try {
                category = ViolationCategory.valueOf(categoryText.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Problems.FieldProblem("category",
                        "must be one of " + Arrays.toString(ViolationCategory.values())));
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new Problems.FieldProblem("from", "must be before to (" + to + "); the period is [from, to)"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("The report's period or category is invalid.", errors);
        }
        return new Period(from, to, category);
    }

    private static Instant instant(String field, String text, List<Problems.FieldProblem> errors) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problems.FieldProblem(field,
                    "is not an ISO-8601 instant or date (e.g. 2026-01-01T00:00:00Z or 2026-01-01)"));
            return null;
        }
    }
}
