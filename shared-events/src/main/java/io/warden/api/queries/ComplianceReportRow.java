package io.warden.api.queries;

import io.warden.api.types.ActionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;

import java.time.Instant;
import java.util.List;

/**
 * One violation of the report with what was done about it. {@code country} and {@code organization} are the
 * account's at registration; {@code caseIds} are every case the account is linked to; {@code referralId} is the
 * external referral the violation was attached to (a case escalated to T4_EXTERNAL_REFERRAL), null when none.
 */
public record ComplianceReportRow(
        String violationId,
        String accountId,
        String organization,
        String organizationId,
        String country,
        ViolationCategory category,
        String policy,
        Severity severity,
        Instant detectedAt,
        List<ReportedAction> actions,
        List<String> caseIds,
        String referralId) {

    /**
     * An action taken on the violation: one that cites it ({@code citedAs} VIOLATION), or one on its account that
     * cites a case instead ({@code citedAs} CASE, e.g. a campaign takedown). Flags, restrictions, suspensions and
     * approved bans only; {@code takenAt} is when it took effect (for a ban: its approval), {@code takenBy} who
     * imposed or proposed it, {@code approvedBy} the second person where four-eyes applied, {@code endedAt} when it
     * was lifted, reinstated or overturned (null while in force).
     */
    public record ReportedAction(String actionId, ActionKind kind, Citation citedAs, Instant takenAt, String takenBy,
                                 String approvedBy, String caseId, Instant endedAt) {
    }

    public enum Citation {
        VIOLATION, CASE
    }
}
