package io.warden.query.approvals;

import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementExpiredEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code approval_view}: every proposal with its decision. Redelivered events change nothing. */
@Component
@ProcessingGroup(ApprovalProjection.PROCESSING_GROUP)
class ApprovalProjection {

    static final String PROCESSING_GROUP = "approvals";

    private final ApprovalRepository approvals;

    ApprovalProjection(ApprovalRepository approvals) {
        this.approvals = approvals;
    }

    @EventHandler
    void on(EnforcementProposedEvent event, @Timestamp Instant at) {
        if (approvals.existsById(event.actionId())) {
            return;
        }
        approvals.save(new ApprovalEntry(event.actionId(), event.accountId(), event.kind(), event.reason(),
                event.grounds().violationIds(), event.grounds().caseId(), event.proposedBy(), at, event.expiresAt()));
    }

    @EventHandler
    void on(EnforcementApprovedEvent event, @Timestamp Instant at) {
        approvals.findById(event.actionId()).ifPresent(entry -> entry.approve(event.approvedBy(), at, event.comment()));
    }

    @EventHandler
    void on(EnforcementRejectedEvent event, @Timestamp Instant at) {
        approvals.findById(event.actionId()).ifPresent(entry -> entry.reject(event.rejectedBy(), at, event.comment()));
    }

    @EventHandler
    void on(EnforcementExpiredEvent event) {
        approvals.findById(event.actionId()).ifPresent(entry -> entry.expire(event.expiredAt()));
    }

    @ResetHandler
    void reset() {
        approvals.deleteAllInBatch();
    }
}
