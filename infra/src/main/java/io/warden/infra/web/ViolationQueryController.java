package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.FindViolationQuery;
import io.warden.api.queries.FindViolationsQuery;
import io.warden.api.queries.ViolationPage;
import io.warden.api.queries.ViolationView;
import io.warden.api.types.ViolationCategory;
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

import java.util.Optional;

/** Reads violations with the actions that cite them, and the unactioned ones: the compliance gap. */
@RestController
@Validated
@RequestMapping("/api/v1/violations")
@Tag(name = "Violations")
public class ViolationQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public ViolationQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/{violationId}")
    @Operation(summary = "One violation with the actions that cite it by id",
            description = """
                    `actions` are the flags, restrictions, suspensions and bans whose grounds name this violation \
                    id, each with its current state (ACTIVE, LIFTED, ENDED, OVERTURNED). An action that cites only \
                    a case is not listed, even when the violation's account is linked to that case. A proposal \
                    (pending, rejected or expired) is not an action. `actioned` is true once a restriction, \
                    suspension or ban has cited it; a flag alone does not count. `version` is the account's version \
                    the view reflects: `minVersion` takes the version of the account command you sent and waits up \
                    to 5 s (503 with Retry-After past it).""")
    public ViolationView violation(@PathVariable String violationId,
                                   @RequestParam(required = false) Long minVersion) {
        return readYourWrites.read("Violation " + violationId, minVersion,
                () -> Optional.ofNullable(queries.query(new FindViolationQuery(violationId),
                        ResponseTypes.instanceOf(ViolationView.class)).join()),
                ViolationView::version);
    }

    @GetMapping
    @Operation(summary = "Violations by category, policy and account, oldest detection first",
            description = """
                    `unactioned=true` keeps the violations no restriction, suspension or ban has ever cited by id \
                    (flags, proposals and actions citing only a case do not count); a later lift or reinstatement \
                    does not make a violation unactioned again. `unactioned=false` keeps the actioned ones.""")
    public ViolationPage violations(@Parameter(description = "true or false")
                                    @RequestParam(required = false) String unactioned,
                                    @Parameter(description = "USAGE_POLICY or EXPORT_CONTROL")
                                    @RequestParam(required = false) String category,
                                    @Parameter(description = "e.g. DISTILLATION")
                                    @RequestParam(required = false) String policy,
                                    @RequestParam(required = false) String accountId,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        FindViolationsQuery query = new FindViolationsQuery(
                QueryParameters.bool("unactioned", unactioned),
                QueryParameters.enumValue("category", category, ViolationCategory.class),
                QueryParameters.text(policy), QueryParameters.text(accountId), page, size);
        return queries.query(query, ResponseTypes.instanceOf(ViolationPage.class)).join();
    }
}
