package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.CasePage;
import io.warden.api.queries.CaseView;
import io.warden.api.queries.FindCaseQuery;
import io.warden.api.queries.FindCasesQuery;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/** Reads cases: one case now or at a past instant, and the filtered list. */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
public class CaseQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public CaseQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One case with its notes, escalations, resolution and linked accounts",
            description = """
                    A campaign case may link tens of thousands of accounts, so the answer carries \
                    `linkedAccountCount` and one page of `linkedAccountIds` in linking order: page `linkedPage` \
                    (from 0) of `linkedSize` ids (default 100, at most 1000). `GET /accounts?caseId=` lists the \
                    linked accounts with their state. `minVersion` waits up to 5 s for the read model to reach \
                    that case version (503 with Retry-After past it). `asOf` reconstructs the case as it was at \
                    that instant from its stored events (tier, status, assignee, notes, and only the accounts \
                    linked by then); before the case was opened: 404; in the future: read as now. `asOf` and \
                    `minVersion` cannot be combined (400).""")
    public CaseView caseView(@PathVariable String caseId,
                             @Parameter(description = "ISO-8601 instant, e.g. 2026-02-23T09:15:00Z")
                             @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) Long minVersion,
                             @RequestParam(defaultValue = "0") @Min(0) int linkedPage,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int linkedSize) {
        Instant at = QueryParameters.instant("asOf", asOf);
        QueryParameters.notBoth(at, minVersion);
        String what = at == null ? "Case " + caseId : "Case " + caseId + " as of " + at;
        return readYourWrites.read(what, minVersion,
                () -> Optional.ofNullable(queries.query(new FindCaseQuery(caseId, at, linkedPage, linkedSize),
                        ResponseTypes.instanceOf(CaseView.class)).join()),
                CaseView::version);
    }

    @GetMapping
    @Operation(summary = "Cases by status, tier, severity and assignee (filters combine), most recently opened first")
    public CasePage cases(@Parameter(description = "OPEN, ENFORCING or RESOLVED")
                          @RequestParam(required = false) String status,
                          @Parameter(description = "T1_TRIAGE, T2_INVESTIGATION, T3_LEGAL or T4_EXTERNAL_REFERRAL")
                          @RequestParam(required = false) String tier,
                          @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL")
                          @RequestParam(required = false) String severity,
                          @RequestParam(required = false) String assignee,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        FindCasesQuery query = new FindCasesQuery(
                QueryParameters.enumValue("status", status, CaseStatus.class),
                QueryParameters.enumValue("tier", tier, CaseTier.class),
                QueryParameters.enumValue("severity", severity, Severity.class),
                QueryParameters.text(assignee), page, size);
        return queries.query(query, ResponseTypes.instanceOf(CasePage.class)).join();
    }
}
