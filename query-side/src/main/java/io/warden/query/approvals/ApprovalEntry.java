package io.warden.query.approvals;

import io.warden.api.queries.ApprovalSummary;
import io.warden.api.types.ActionKind;
import io.warden.api.types.ApprovalStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A four-eyes proposal and its decision, as approvers list them. */
@Entity
@Table(name = "approval_view")
class ApprovalEntry {

    @Id
    @Column(name = "action_id")
    private String actionId;
    @Column(name = "account_id", nullable = false)
    private String accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private ActionKind action;
    @Column(name = "reason", nullable = false)
    private String reason;
    @Column(name = "violation_ids", nullable = false)
    private String violationIds;
    @Column(name = "case_id")
    private String caseId;
    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;
    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ApprovalStatus status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "comment")
    private String comment;

    protected ApprovalEntry() {
    }

    ApprovalEntry(String actionId, String accountId, ActionKind action, String reason, List<String> violationIds,
                  String caseId, String proposedBy, Instant proposedAt, Instant expiresAt) {
        this.actionId = actionId;
        this.accountId = accountId;
        this.action = action;
        this.reason = reason;
        this.violationIds = String.join(",", violationIds);
        this.caseId = caseId;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.expiresAt = expiresAt;
        this.status = ApprovalStatus.PENDING;
    }

    void approve(String approver, Instant at, String comment) {
        decide(ApprovalStatus.APPROVED, approver, at, comment);
    }

    void reject(String rejecter, Instant at, String comment) {
        decide(ApprovalStatus.REJECTED, rejecter, at, comment);
    }

    /** Recorded by the expiry deadline; before it fires, {@link #toSummary} already shows EXPIRED by time. */
    void expire(Instant at) {
        decide(ApprovalStatus.EXPIRED, null, at, null);
    }

    private void decide(ApprovalStatus outcome, String by, Instant at, String comment) {
        if (status != ApprovalStatus.PENDING) {
            return;
        }
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.comment = comment;
    }

    /** A pending proposal past its expiry is shown as EXPIRED: it can no longer be approved. */
    ApprovalSummary toSummary(Instant now) {
        ApprovalStatus shown = status == ApprovalStatus.PENDING && !now.isBefore(expiresAt) ? ApprovalStatus.EXPIRED : status;
        List<String> ids = violationIds.isEmpty() ? List.of() : Arrays.asList(violationIds.split(","));
        return new ApprovalSummary(actionId, accountId, action, reason, ids, caseId, proposedBy, proposedAt, expiresAt,
                shown, decidedBy, decidedAt, comment);
    }
}
