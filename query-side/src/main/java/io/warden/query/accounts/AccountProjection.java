package io.warden.query.accounts;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.AppealDecidedEvent;
import io.warden.api.events.AppealFiledEvent;
import io.warden.api.events.CampaignActionSkippedEvent;
import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementExpiredEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.query.support.BatchAggregates;
import io.warden.query.support.StoredHistory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the account read model: {@code account_view} (one row per account, its state folded by
 * {@link AccountState}), {@code account_violation} (its violations, one row each) and {@code account_case_link}
 * (the cases each account is linked to). One processing group for the three tables, because the account list filtered by case joins them and a query reads only its own group's
 * tables. Every account event is handled, even those the view does not show, so that {@code version} keeps step
 * with the aggregate and {@code minVersion} can always be reached.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
class AccountProjection {

    static final String PROCESSING_GROUP = "account-views";

    private static final String PRELOADED = AccountProjection.class.getName() + ".preloaded";

    private final AccountViewRepository accounts;
    private final AccountViolations violations;
    private final AccountCaseLinks links;

    AccountProjection(AccountViewRepository accounts, AccountViolations violations, AccountCaseLinks links) {
        this.accounts = accounts;
        this.violations = violations;
        this.links = links;
    }

    @EventHandler
    void on(AccountRegisteredEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(ViolationRecordedEvent event, DomainEventMessage<?> message) {
        if (apply(message)) {
            violations.recorded(event.accountId(), AccountState.violationOf(event, message.getTimestamp()),
                    message.getSequenceNumber());
        }
    }

    @EventHandler
    void on(AccountFlaggedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AccountUnflaggedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AccountRestrictedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(RestrictionLiftedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(EnforcementProposedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(EnforcementApprovedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(EnforcementRejectedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(EnforcementExpiredEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AccountSuspendedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AccountBannedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AccountReinstatedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AppealFiledEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AppealDecidedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    /** Shown in the account's trail (audit); here it only moves the version. */
    @EventHandler
    void on(CampaignActionSkippedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    /** An event of the case, not of the accounts: it does not move an account's version. */
    @EventHandler
    void on(AccountsLinkedToCaseEvent event, @Timestamp Instant at) {
        links.link(event.caseId(), event.accountIds(), at);
    }

    @ResetHandler
    void reset() {
        accounts.deleteAllInBatch();
        violations.clear();
        links.clear();
    }

    /**
     * The batch's accounts are read in one query when its first event needs one; each {@code findById} then finds
     * its entity in the persistence context. Those without a row yet (registered in this batch) are answered here,
     * so that their registration does not ask the table again; each is taken out once its row is made.
     */
    private Set<String> absentFromView() {
        Set<String> absent = BatchAggregates.perBatch(PRELOADED, () -> {
            Set<String> ids = BatchAggregates.ofCurrentBatch();
            Set<String> missing = new HashSet<>(ids);
            accounts.findAllById(ids).forEach(e -> missing.remove(e.getId()));
            return missing;
        });
        return absent == null ? new HashSet<>() : absent;
    }

    /** Applies one account event; false when it had been applied before. */
    private boolean apply(DomainEventMessage<?> message) {
        String accountId = message.getAggregateIdentifier();
        StoredHistory.Step step = StoredHistory.step(message);
        AccountViewEntry entry = absentFromView().remove(accountId) ? null : accounts.findById(accountId).orElse(null);
        if (entry == null) {
            entry = AccountViewEntry.startFor(accountId);
            boolean applied = entry.apply(step);
            accounts.save(entry);
            return applied;
        }
        return entry.apply(step);
    }
}
