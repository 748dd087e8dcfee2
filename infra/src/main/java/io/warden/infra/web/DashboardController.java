package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.DashboardView;
import io.warden.api.queries.FindDashboardQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' dashboard: figures counted from events by the reporting projection. */
@RestController
@Validated
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard and compliance reports")
public class DashboardController {

    private final QueryGateway queries;

    public DashboardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dashboard figures (AUDITOR, ADMIN)", description = """
            Accounts by status (ACTIVE, FLAGGED, RESTRICTED, SUSPENDED, BANNED, by the one precedence rule); violations \
            by category, policy and country (the account's registration country); open (unresolved) cases by tier and \
            severity; SLA breaches; actions per UTC day for the last `days` days, today included (flags, restrictions, \
            suspensions, and bans on the day they were approved); and the time from an account's first recorded \
            violation to its first enforcement action in force (restriction, suspension or approved ban), median and \
            p90 in seconds.

            SLA: a case's SLA runs from its opening until the first enforcement action that cites the case \
            (grounds.caseId) or its resolution, whichever comes first; durations by severity are `warden.sla.critical` \
            (4h), `.high` (24h), `.medium` (72h), `.low` (7d). `slaBreaches.openPastDeadline` counts cases with \
            neither yet and past their deadline now; `slaBreaches.metLate` counts cases whose first enforcement or \
            resolution came after the deadline; `total` is both.

            Counters are kept by the projection as events arrive, so the figures may trail the latest command by the \
            projection's lag.""")
    public DashboardView dashboard(
            @Parameter(description = "days of the actions-per-day series, today (UTC) included; 1 to 366")
            @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
        return queries.query(new FindDashboardQuery(days), ResponseTypes.instanceOf(DashboardView.class)).join();
    }
}
