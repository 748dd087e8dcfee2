package io.warden.query.reporting;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.WardenMetaData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the reporting read model: per-account and per-case facts, one row per violation and per action in force,
 * and the dashboard's counters.
 * <p>
 * Idempotent without relying on event order across aggregates: every account or case event is applied only if its
 * aggregate sequence number is above the last one applied to that row, and counters move only together with such
 * a row, in the same transaction. Rows shared by many aggregates (counters, actions per day, a case's first
 * enforcement) are changed through {@link CounterDeltas} once per batch.
 */
@Component
@ProcessingGroup(ReportingProjection.PROCESSING_GROUP)
class ReportingProjection {

    static final String PROCESSING_GROUP = "reporting";

    static final String ACCOUNTS_BY_STATUS = "accounts_by_status";
    static final String VIOLATIONS_BY_CATEGORY = "violations_by_category";
    static final String VIOLATIONS_BY_POLICY = "violations_by_policy";
    static final String VIOLATIONS_BY_COUNTRY = "violations_by_country";
    static final String OPEN_CASES_BY_TIER = "open_cases_by_tier";
    static final String OPEN_CASES_BY_SEVERITY = "open_cases_by_severity";

    private static final Logger log = LoggerFactory.getLogger(ReportingProjection.class);
    private static final String DELTAS = ReportingProjection.class.getName() + ".deltas";

    private final ReportingStore store;

    ReportingProjection(ReportingStore store) {
        this.store = store;
    }

    // ---- accounts

    @EventHandler
    void on(AccountRegisteredEvent event, @SequenceNumber long sequence) {
        AccountFacts account = new AccountFacts(event.accountId(), event.organization(), event.organizationId(),
                event.country(), event.tier().name(), sequence);
        if (store.registerAccount(account)) {
            later(d -> d.count(ACCOUNTS_BY_STATUS, AccountStatus.ACTIVE.name(), 1));
        }
    }

    @EventHandler
    void on(ViolationRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, account -> {
            account.recordViolation(at);
            store.insertViolation(account, event.violationId(), event.category().name(), event.policy(),
                    event.severity().name(), event.detectedAt(), at);
            later(d -> {
                d.count(VIOLATIONS_BY_CATEGORY, event.category().name(), 1);
                d.count(VIOLATIONS_BY_POLICY, event.policy(), 1);
                d.count(VIOLATIONS_BY_COUNTRY, account.country, 1);
            });
        });
    }

    @EventHandler
    void on(AccountFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(WardenMetaData.ACTOR) String actor) {
        change(event.accountId(), sequence, account -> {
            account.flag();
            // a flag has no id of its own; the account and the event's position name it the same on every replay
            String flagId = "flag-" + sequence;
            store.insertAction(account.accountId, flagId, ActionKind.FLAG.name(), at, actor, null, null,
                    event.violationIds() == null ? List.of() : event.violationIds());
            actionTaken(ActionKind.FLAG, at, null);
        });
    }

    @EventHandler
    void on(AccountUnflaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, account -> {
            account.unflag();
            store.endOpenFlags(account.accountId, at);
        });
    }

    @EventHandler
    void on(AccountRestrictedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(WardenMetaData.ACTOR) String actor) {
        change(event.accountId(), sequence, account -> {
            account.restrict(at);
            recordEnforcement(account, event.restrictionId(), ActionKind.RESTRICT, at, actor, null, event.grounds());
        });
    }

    @EventHandler
    void on(RestrictionLiftedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, account -> {
            account.liftRestriction();
            store.endActions(account.accountId, List.of(event.restrictionId()), at);
        });
    }

    @EventHandler
    void on(AccountSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, account -> {
            account.suspend(event.actionId(), at);
            recordEnforcement(account, event.actionId(), ActionKind.SUSPEND, at, event.suspendedBy(),
                    event.approvedBy(), event.grounds());
        });
    }

    @EventHandler
    void on(AccountBannedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, account -> {
            account.ban(event.actionId(), at);
            recordEnforcement(account, event.actionId(), ActionKind.BAN, at, event.proposedBy(), event.approvedBy(),
                    event.grounds());
        });
    }

    @EventHandler
    void on(AccountReinstatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, account -> {
            account.reinstate(event.endedActionIds());
            store.endActions(account.accountId, event.endedActionIds(), at);
        });
    }

    private void recordEnforcement(AccountFacts account, String actionId, ActionKind kind, Instant at, String by,
                                   String approvedBy, EnforcementGrounds grounds) {
        String caseId = grounds == null ? null : grounds.caseId();
        store.insertAction(account.accountId, actionId, kind.name(), at, by, approvedBy, caseId,
                grounds == null ? List.of() : grounds.violationIds());
        actionTaken(kind, at, caseId);
    }

    private void actionTaken(ActionKind kind, Instant at, String caseId) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        later(d -> {
            d.actionTaken(day, kind.name());
            if (caseId != null && !caseId.isBlank()) {
                d.caseEnforced(caseId, at);
            }
        });
    }

    /** Applies one account event once, moving the account between status buckets if its status changed. */
    private void change(String accountId, long sequence, Consumer<AccountFacts> change) {
        AccountFacts account = store.account(accountId).orElse(null);
        if (account == null) {
            log.warn("Reporting: event {} of account {} arrived before its registration; skipped", sequence, accountId);
            return;
        }
        if (!account.accepts(sequence)) {
            return;
        }
        AccountStatus before = account.status();
        change.accept(account);
        account.lastSequence = sequence;
        store.save(account);
        AccountStatus after = account.status();
        if (after != before) {
            later(d -> {
                d.count(ACCOUNTS_BY_STATUS, before.name(), -1);
                d.count(ACCOUNTS_BY_STATUS, after.name(), 1);
            });
        }
    }

    // ---- cases

    @EventHandler
    void on(CaseOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (store.openCase(event.caseId(), event.category().name(), event.severity().name(), event.tier().name(), at,
                sequence)) {
            later(d -> {
                d.count(OPEN_CASES_BY_TIER, event.tier().name(), 1);
                d.count(OPEN_CASES_BY_SEVERITY, event.severity().name(), 1);
            });
        }
    }

    @EventHandler
    void on(AccountsLinkedToCaseEvent event) {
        store.linkAccounts(event.caseId(), event.accountIds());
    }

    @EventHandler
    void on(CaseEscalatedEvent event, @SequenceNumber long sequence) {
        store.caseFacts(event.caseId()).filter(c -> c.accepts(sequence)).ifPresent(c -> {
            String from = c.tier;
            c.escalateTo(event.toTier().name());
            c.lastSequence = sequence;
            store.save(c);
            if (c.isOpen()) {
                later(d -> {
                    d.count(OPEN_CASES_BY_TIER, from, -1);
                    d.count(OPEN_CASES_BY_TIER, c.tier, 1);
                });
            }
        });
    }

    @EventHandler
    void on(CaseResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.caseFacts(event.caseId()).filter(c -> c.accepts(sequence)).ifPresent(c -> {
            boolean wasOpen = c.isOpen();
            c.resolve(at, event.outcome().name());
            c.lastSequence = sequence;
            store.save(c);
            if (wasOpen) {
                later(d -> {
                    d.count(OPEN_CASES_BY_TIER, c.tier, -1);
                    d.count(OPEN_CASES_BY_SEVERITY, c.severity, -1);
                });
            }
        });
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    /**
     * Inside a processor's unit of work (one batch of events, one transaction) the change joins the batch's
     * deltas, written just before commit; called outside one (a test calling a handler), it is written at once.
     */
    private void later(Consumer<CounterDeltas> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            CounterDeltas now = new CounterDeltas();
            change.accept(now);
            store.apply(now);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        CounterDeltas deltas = unitOfWork.getOrComputeResource(DELTAS, key -> {
            CounterDeltas fresh = new CounterDeltas();
            unitOfWork.onPrepareCommit(u -> store.apply(fresh));
            return fresh;
        });
        change.accept(deltas);
    }
}
