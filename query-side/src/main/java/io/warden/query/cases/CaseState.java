package io.warden.query.cases;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.queries.CaseEscalation;
import io.warden.api.queries.CaseNote;
import io.warden.api.queries.CaseReferral;
import io.warden.api.queries.CaseResolution;
import io.warden.api.queries.CaseView;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.query.support.FoldedState;
import io.warden.query.support.StoredHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * The state of one case as the case view shows it, and the one rule by which its events change it; used by the
 * projection and by the point-in-time query alike. The linked accounts themselves are not part of it (a campaign
 * links tens of thousands): they live in {@code case_account_link} with the sequence number of the event that
 * linked them, so a state of version N shows exactly the links of events up to N.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, creatorVisibility = NONE)
final class CaseState implements FoldedState {

    private String caseId;
    private String title;
    private CaseCategory category;
    private Severity severity;
    private String summary;
    private CaseStatus status;
    private CaseTier tier;
    private String assignee;
    private String openedBy;
    private Instant openedAt;
    private long linkedCount;
    private long version = -1;
    private List<CaseNote> notes = new ArrayList<>();
    private List<CaseEscalation> escalations = new ArrayList<>();
    private CaseResolution resolution;
    private Instant slaBreachedAt;
    private Instant firstEnforcedAt;
    private CaseReferral referral;

    CaseState() {
    }

    /** Applies one event of this case; false when it had been applied before and nothing changed. */
    @Override
    public boolean apply(StoredHistory.Step step) {
        if (step.sequence() <= version) {
            return false;
        }
        version = step.sequence();
        Object event = step.payload();
        if (event instanceof CaseOpenedEvent e) {
            caseId = e.caseId();
            title = e.title();
            category = e.category();
            severity = e.severity();
            summary = e.summary();
            status = CaseStatus.OPEN;
            tier = e.tier();
            openedBy = e.openedBy();
            openedAt = step.at();
        } else if (event instanceof AccountsLinkedToCaseEvent e) {
            linkedCount = e.totalLinked();
        } else if (event instanceof CaseAssignedEvent e) {
            assignee = e.assignee();
        } else if (event instanceof CaseEscalatedEvent e) {
            tier = e.toTier();
            escalations.add(new CaseEscalation(e.fromTier(), e.toTier(), e.reason(), step.actor(), step.at()));
        } else if (event instanceof CaseNoteAddedEvent e) {
            if (notes.stream().noneMatch(n -> n.noteId().equals(e.noteId()))) {
                notes.add(new CaseNote(e.noteId(), e.text(), e.author(), step.at()));
            }
        } else if (event instanceof CaseEnforcementStartedEvent) {
            status = CaseStatus.ENFORCING;
        } else if (event instanceof CaseEnforcementCompletedEvent && status == CaseStatus.ENFORCING) {
            status = CaseStatus.OPEN;
        } else if (event instanceof CaseResolvedEvent e) {
            status = CaseStatus.RESOLVED;
            resolution = new CaseResolution(e.outcome(), e.summary(), e.resolvedBy(), step.at());
        } else if (event instanceof CaseSlaBreachedEvent e) {
            slaBreachedAt = e.deadline();
        } else if (event instanceof CaseFirstEnforcedEvent) {
            firstEnforcedAt = step.at();
        } else if (event instanceof CaseReferredExternallyEvent e) {
            referral = new CaseReferral(e.referralId(), step.at(), step.actor(), e.violations().size());
        }
        // any other case event is not shown, but still counts towards the version
        return true;
    }

    CaseView toView(List<String> linkedPage, int page, int size, Instant asOf) {
        return new CaseView(caseId, title, category, severity, status, tier, assignee, summary, openedBy, openedAt,
                version, asOf, linkedCount, linkedPage, page, size, List.copyOf(notes), List.copyOf(escalations),
                resolution, slaBreachedAt, firstEnforcedAt, referral);
    }

    boolean exists() {
        return caseId != null;
    }

    @Override
    public long version() {
        return version;
    }

    String title() {
        return title;
    }

    CaseCategory category() {
        return category;
    }

    Severity severity() {
        return severity;
    }

    CaseStatus status() {
        return status;
    }

    CaseTier tier() {
        return tier;
    }

    String assignee() {
        return assignee;
    }

    Instant openedAt() {
        return openedAt;
    }

    long linkedCount() {
        return linkedCount;
    }
}
