package io.warden.query.reporting;

import java.time.Instant;

/** What the reporting read model keeps of one case for open-case counts and SLAs. */
final class CaseFacts {

    final String caseId;
    final String category;
    final String severity;
    final Instant openedAt;
    String tier;
    Instant resolvedAt;
    String outcome;
    long lastSequence;

    CaseFacts(String caseId, String category, String severity, String tier, Instant openedAt, Instant resolvedAt,
              String outcome, long lastSequence) {
        this.caseId = caseId;
        this.category = category;
        this.severity = severity;
        this.openedAt = openedAt;
        this.tier = tier;
        this.resolvedAt = resolvedAt;
        this.outcome = outcome;
        this.lastSequence = lastSequence;
    }

    boolean accepts(long sequence) {
        return sequence > lastSequence;
    }

    boolean isOpen() {
        return resolvedAt == null;
    }

    void escalateTo(String toTier) {
        tier = toTier;
    }

    void resolve(Instant at, String outcome) {
        this.resolvedAt = at;
        this.outcome = outcome;
    }
}
