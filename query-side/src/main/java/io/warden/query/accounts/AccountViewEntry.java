package io.warden.query.accounts;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;
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

/**
 * One row of {@code account_view}: the columns lists filter and sort by, and the whole {@link AccountState} as a
 * JSON document. Within one batch of events the parsed state stays on the entity, so an account touched by many
 * events of a batch is parsed once.
 */
@Entity
@Table(name = "account_view")
class AccountViewEntry implements Persistable<String> {

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "organization")
    private String organization;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "country")
    private String country;
    @Enumerated(EnumType.STRING)
    @Column(name = "tier")
    private Tier tier;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AccountStatus status;
    @Column(name = "version", nullable = false)
    private long version;
    @Column(name = "violation_count", nullable = false)
    private int violationCount;
    @Column(name = "active_actions", nullable = false)
    private int activeActions;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "state", nullable = false)
    private String state;

    @Transient
    private AccountState parsed;
    @Transient
    private boolean isNew;
    @Transient
    private boolean documentStale;

    protected AccountViewEntry() {
    }

    static AccountViewEntry startFor(String accountId) {
        AccountViewEntry entry = new AccountViewEntry();
        entry.accountId = accountId;
        entry.parsed = new AccountState();
        entry.isNew = true;
        entry.refresh();
        return entry;
    }

    /** Applies one event of the account; false when it had been applied before. */
    boolean apply(StoredHistory.Step step) {
        if (!state().apply(step)) {
            return false;
        }
        refresh();
        return true;
    }

    AccountState state() {
        if (parsed == null) {
            parsed = StateJson.read(state, AccountState.class);
        }
        return parsed;
    }

    private void refresh() {
        AccountState s = parsed;
        organization = s.organization();
        organizationId = s.organizationId();
        country = s.country();
        tier = s.tier();
        status = s.status();
        version = s.version();
        violationCount = s.violationCount();
        activeActions = s.activeActions();
        registeredAt = s.registeredAt();
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
        return accountId;
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
