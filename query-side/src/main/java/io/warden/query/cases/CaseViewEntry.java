package io.warden.query.cases;

import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.query.support.StateDocumentEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of {@code case_view}: the columns lists filter by, and the whole {@link CaseState} as JSON. */
@Entity
@Table(name = "case_view")
class CaseViewEntry extends StateDocumentEntry<CaseState> {

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

    protected CaseViewEntry() {
    }

    static CaseViewEntry startFor(String caseId) {
        CaseViewEntry entry = new CaseViewEntry();
        entry.caseId = caseId;
        entry.start(new CaseState());
        return entry;
    }

    @Override
    protected Class<CaseState> stateType() {
        return CaseState.class;
    }

    @Override
    protected void copyColumns(CaseState s) {
        title = s.title();
        category = s.category();
        severity = s.severity();
        status = s.status();
        tier = s.tier();
        assignee = s.assignee();
        openedAt = s.openedAt();
        linkedCount = s.linkedCount();
    }

    @Override
    public String getId() {
        return caseId;
    }
}
