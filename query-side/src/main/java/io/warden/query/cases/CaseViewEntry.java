package io.warden.query.cases;

import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.query.support.StateJson;
import io.warden.query.support.StoredHistory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** One row of {@code case_view}: the columns lists filter by, and the whole {@link CaseState} as JSON. */
@Entity
@Table(name = "case_view")
class CaseViewEntry implements Persistable<String> {

    @Id
    @Column(name = "case_id")
    private String caseId;
    @Column(name = "title")
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "category")
    private CaseCategory category;
    @Enumerated(EnumType.STRING)
    @Column(name = "severity")
    private Severity severity;
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private CaseStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "tier")
    private CaseTier tier;
    @Column(name = "assignee")
    private String assignee;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "linked_count", nullable = false)
    private long linkedCount;
    @Column(name = "version", nullable = false)
    private long version;
    @Column(name = "state", nullable = false)
    private String state;

    @Transient
    private CaseState parsed;
    @Transient
    private boolean isNew;
    @Transient
    private boolean documentStale;

    protected CaseViewEntry() {
    }

    static CaseViewEntry startFor(String caseId) {
        CaseViewEntry entry = new CaseViewEntry();
        entry.caseId = caseId;
        entry.parsed = new CaseState();
        entry.isNew = true;
        entry.refresh();
        return entry;
    }

    /** Applies one event of the case; false when it had been applied before. */
    boolean apply(StoredHistory.Step step) {
        if (!state().apply(step)) {
            return false;
        }
        refresh();
        return true;
    }

    CaseState state() {
        if (parsed == null) {
            parsed = StateJson.read(state, CaseState.class);
        }
        return parsed;
    }

    private void refresh() {
        CaseState s = parsed;
        title = s.title();
        category = s.category();
        severity = s.severity();
        status = s.status();
        tier = s.tier();
        assignee = s.assignee();
        openedAt = s.openedAt();
        linkedCount = s.linkedCount();
        version = s.version();
        documentStale = true;
    }

    /**
     * The JSON document is written once per flush, not once per event: an account that receives thousands of
     * events in one batch (a bulk intake of violations) would otherwise be serialised thousands of times. The
     * version column changes with every applied event, so the row is always dirty when the document is stale.
     */
    @PrePersist
    @PreUpdate
    void writeDocument() {
        if (documentStale) {
            state = StateJson.write(parsed);
            documentStale = false;
        }
    }

    @Override
    public String getId() {
        return caseId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }
}
