package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.AccountPage;
import io.warden.api.queries.AccountView;
import io.warden.api.queries.FindAccountQuery;
import io.warden.api.queries.FindAccountsQuery;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;
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

/** Reads accounts: one account now or at a past instant, and the filtered list. */
@RestController
@Validated
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
public class AccountQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public AccountQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "One account with its violations, actions (with the violations and case each cites), cases, "
            + "pending approvals and appeals",
            description = """
                    `version` is the sequence number of the last account event the view reflects, as in command \
                    answers. Flags carry no id in the events; a flag's actionId is `flag-<sequence number>`. \
                    `minVersion` waits up to 5 s for the read model to reach that version (503 with Retry-After \
                    past it). `asOf` reconstructs the account as it was at that instant from its stored events, \
                    through the same state transitions as the read model; `cases` then lists the links made at or \
                    before it. An `asOf` before the account was registered is 404; an `asOf` in the future is read \
                    as now. `asOf` and `minVersion` cannot be combined (400). Pending approvals are proposals still \
                    open at the reference instant (now, or `asOf`); expired ones are left out. A restriction's \
                    `expiresAt` is shown as given; it stays ACTIVE until lifted, as the write side counts it.""")
    public AccountView account(@PathVariable String accountId,
                               @Parameter(description = "ISO-8601 instant, e.g. 2026-02-23T09:15:00Z")
                               @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) Long minVersion) {
        Instant at = QueryParameters.instant("asOf", asOf);
        QueryParameters.notBoth(at, minVersion);
        String what = at == null ? "Account " + accountId : "Account " + accountId + " as of " + at;
        return readYourWrites.read(what, minVersion,
                () -> Optional.ofNullable(queries.query(new FindAccountQuery(accountId, at),
                        ResponseTypes.instanceOf(AccountView.class)).join()),
                AccountView::version);
    }

    @GetMapping
    @Operation(summary = "Accounts by status, country, tier and linked case (filters combine), ordered by account id")
    public AccountPage accounts(@Parameter(description = "ACTIVE, FLAGGED, RESTRICTED, SUSPENDED or BANNED")
                                @RequestParam(required = false) String status,
                                @Parameter(description = "ISO 3166-1 alpha-2, e.g. SG")
                                @RequestParam(required = false) String country,
                                @Parameter(description = "FREE, PRO or ENTERPRISE")
                                @RequestParam(required = false) String tier,
                                @Parameter(description = "only accounts linked to this case")
                                @RequestParam(required = false) String caseId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        FindAccountsQuery query = new FindAccountsQuery(
                QueryParameters.enumValue("status", status, AccountStatus.class),
                QueryParameters.country("country", country),
                QueryParameters.enumValue("tier", tier, Tier.class),
                QueryParameters.text(caseId), page, size);
        return queries.query(query, ResponseTypes.instanceOf(AccountPage.class)).join();
    }
}
