package io.warden.query.approvals;

import io.warden.api.queries.ApprovalSummary;
import io.warden.api.queries.FindApprovalsQuery;
import io.warden.api.queries.ApprovalPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** Answers approvers' lists from {@code approval_view} only. */
@Component
class ApprovalQueries {

    private final ApprovalRepository approvals;
    private final Clock clock;

    ApprovalQueries(ApprovalRepository approvals, Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    @QueryHandler
    public ApprovalPage handle(FindApprovalsQuery query) {
        Instant now = clock.instant();
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("proposedAt", "actionId"));
        org.springframework.data.domain.Page<ApprovalEntry> found = query.status() == null
                ? approvals.findAll(request)
                : switch (query.status()) {
                    case PENDING -> approvals.findByStatusAndExpiresAtAfter(io.warden.api.types.ApprovalStatus.PENDING, now, request);
                    case EXPIRED -> approvals.findExpired(now, request);
                    default -> approvals.findByStatus(query.status(), request);
                };
        return new ApprovalPage(found.map(e -> e.toSummary(now)).getContent(), query.page(), query.size(), found.getTotalElements());
    }
}
