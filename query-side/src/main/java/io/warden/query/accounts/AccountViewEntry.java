package io.warden.query.accounts;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;
import io.warden.query.support.StateDocumentEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One row of {@code account_view}: the columns lists filter and sort by, and the whole {@link AccountState} as a
 * JSON document.
 */
@Entity
@Table(name = "account_view")
class AccountViewEntry extends StateDocumentEntry<AccountState> {

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
    @Column(name = "violation_count", nullable = false)
    private int violationCount;
    @Column(name = "active_actions", nullable = false)
    private int activeActions;
    @Column(name = "registered_at")
    private Instant registeredAt;

    protected AccountViewEntry() {
    }

    static AccountViewEntry startFor(String accountId) {
        AccountViewEntry entry = new AccountViewEntry();
        entry.accountId = accountId;
        entry.start(new AccountState());
        return entry;
    }

    @Override
    protected Class<AccountState> stateType() {
        return AccountState.class;
    }

    @Override
    protected void copyColumns(AccountState s) {
        organization = s.organization();
        organizationId = s.organizationId();
        country = s.country();
        tier = s.tier();
        status = s.status();
        violationCount = s.violationCount();
        activeActions = s.activeActions();
        registeredAt = s.registeredAt();
    }

    @Override
    public String getId() {
        return accountId;
    }
}
