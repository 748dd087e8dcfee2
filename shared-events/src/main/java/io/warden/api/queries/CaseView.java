package io.warden.api.queries;

import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A case with its history. A campaign may link tens of thousands of accounts, so the view carries their count and
 * one page of their ids ({@code linkedAccountIds}, in linking order, page {@code linkedAccountsPage} of size
 * {@code linkedAccountsSize}); {@code GET /accounts?caseId=} lists them with their state. {@code asOf} is set when
 * the view was reconstructed for a past instant. {@code slaBreachedAt} is when its SLA deadline passed with no
 * enforcement or resolution (null otherwise), {@code firstEnforcedAt} when an action citing it was first taken, and
 * {@code referral} its external referral (null unless escalated to T4_EXTERNAL_REFERRAL).
 */
public record CaseView(
        String caseId,
        String title,
        CaseCategory category,
        Severity severity,
        CaseStatus status,
        CaseTier tier,
        String assignee,
        String summary,
        String openedBy,
        Instant openedAt,
        long version,
        Instant asOf,
        long linkedAccountCount,
        List<String> linkedAccountIds,
        int linkedAccountsPage,
        int linkedAccountsSize,
        List<CaseNote> notes,
        List<CaseEscalation> escalations,
        CaseResolution resolution,
        Instant slaBreachedAt,
        Instant firstEnforcedAt,
        CaseReferral referral) {
}
