package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.ApprovalPage;
import io.warden.api.queries.FindApprovalsQuery;
import io.warden.api.types.ApprovalStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists four-eyes proposals for approvers. */
@RestController
@Validated
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals")
public class ApprovalQueryController {

    private final QueryGateway queries;

    public ApprovalQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List proposals, oldest first; status PENDING (default: all), APPROVED, REJECTED or EXPIRED")
    public ApprovalPage list(@RequestParam(required = false) ApprovalStatus status,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new FindApprovalsQuery(status, page, size), ResponseTypes.instanceOf(ApprovalPage.class)).join();
    }
}
