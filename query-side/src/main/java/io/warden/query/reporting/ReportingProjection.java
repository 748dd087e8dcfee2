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
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.WardenMetaData;
import io.warden.query.support.BatchAggregates;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Keeps the reporting read model: per-account and per-case facts, one row per violation and per action in force,
 * and the dashboard's counters.
 * <p>
 * Idempotent without relying on event order across aggregates: every account or case event is applied only if its
 * aggregate sequence number is above the last one applied to that row, and counters move only together with such
 * a row, in the same transaction. The events of one unit of work are gathered in a {@link ReportingBatch} and
 * written together before it commits; rows shared by many aggregates (counters, actions per day, a case's first
 * enforcement) go last, in key order.
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
    private static final String BATCH = ReportingProjection.class.getName() + ".batch";

    private final ReportingStore store;

    ReportingProjection(ReportingStore store) {
        this.store = store;
    }

    // ---- accounts

    @EventHandler
    void on(AccountRegisteredEvent event, @SequenceNumber long sequence) {
        inBatch(batch -> {
            if (batch.account(event.accountId()).isPresent()) {
                return;
            }
            batch.register(new AccountFacts(event.accountId(), event.organization(), event.organizationId(),
                    event.country(), event.tier().name(), sequence));
            batch.deltas.count(ACCOUNTS_BY_STATUS, AccountStatus.ACTIVE.name(), 1);
        });
    }

    @EventHandler
    void on(ViolationRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, (batch, account) -> {
            account.recordViolation(at);
            batch.violations.add(new ReportingBatch.Violation(account, event.violationId(), event.category().name(),
                    event.policy(), event.severity().name(), event.detectedAt(), at));
            batch.deltas.count(VIOLATIONS_BY_CATEGORY, event.category().name(), 1);
            batch.deltas.count(VIOLATIONS_BY_POLICY, event.policy(), 1);
            batch.deltas.count(VIOLATIONS_BY_COUNTRY, account.country, 1);
        });
    }

    @EventHandler
    void on(AccountFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(WardenMetaData.ACTOR) String actor) {
        change(event.accountId(), sequence, (batch, account) -> {
            // a flag has no id of its own; the event's position in its account names it the same on every replay
            String flagId = "flag-" + sequence;
            account.flag(flagId);
            batch.actions.add(new ReportingBatch.Action(account.accountId, flagId, ActionKind.FLAG.name(), at, actor,
                    null, null, event.violationIds() == null ? List.of() : event.violationIds()));
            actionTaken(batch, ActionKind.FLAG, at, null);
        });
    }

    @EventHandler
    void on(AccountUnflaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, (batch, account) -> {
            String removed = account.unflag();
            if (removed != null) {
                batch.endings.add(new ReportingBatch.Ending(account.accountId, removed, at));
            }
        });
    }

    @EventHandler
    void on(AccountRestrictedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(WardenMetaData.ACTOR) String actor) {
        change(event.accountId(), sequence, (batch, account) -> {
            account.restrict(at);
            enforced(batch, account, event.restrictionId(), ActionKind.RESTRICT, at, actor, null, event.grounds());
        });
    }

    @EventHandler
    void on(RestrictionLiftedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, (batch, account) -> {
            account.liftRestriction();
            batch.endings.add(new ReportingBatch.Ending(account.accountId, event.restrictionId(), at));
        });
    }

    @EventHandler
    void on(AccountSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, (batch, account) -> {
            account.suspend(event.actionId(), at);
            enforced(batch, account, event.actionId(), ActionKind.SUSPEND, at, event.suspendedBy(), event.approvedBy(),
                    event.grounds());
        });
    }

    @EventHandler
    void on(AccountBannedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, (batch, account) -> {
            account.ban(event.actionId(), at);
            enforced(batch, account, event.actionId(), ActionKind.BAN, at, event.proposedBy(), event.approvedBy(),
                    event.grounds());
        });
    }

    @EventHandler
    void on(AccountReinstatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.accountId(), sequence, (batch, account) -> {
            account.reinstate(event.endedActionIds());
            event.endedActionIds().forEach(id -> batch.endings.add(new ReportingBatch.Ending(account.accountId, id, at)));
        });
    }

    private static void enforced(ReportingBatch batch, AccountFacts account, String actionId, ActionKind kind,
                                 Instant at, String by, String approvedBy, EnforcementGrounds grounds) {
        String caseId = grounds == null || grounds.caseId() == null || grounds.caseId().isBlank() ? null : grounds.caseId();
        batch.actions.add(new ReportingBatch.Action(account.accountId, actionId, kind.name(), at, by, approvedBy, caseId,
                grounds == null ? List.of() : grounds.violationIds()));
        actionTaken(batch, kind, at, caseId);
    }

    private static void actionTaken(ReportingBatch batch, ActionKind kind, Instant at, String caseId) {
        batch.deltas.actionTaken(LocalDate.ofInstant(at, ZoneOffset.UTC), kind.name());
        if (caseId != null) {
            batch.deltas.caseEnforced(caseId, at);
        }
    }

    /** Applies one account event once, moving the account between status buckets if its status changed. */
    private void change(String accountId, long sequence, BiConsumer<ReportingBatch, AccountFacts> change) {
        inBatch(batch -> {
            AccountFacts account = batch.account(accountId).orElse(null);
            if (account == null) {
                log.warn("Reporting: event {} of account {} arrived before its registration; skipped", sequence,
                        accountId);
                return;
            }
            if (!account.accepts(sequence)) {
                return;
            }
            AccountStatus before = account.status();
            change.accept(batch, account);
            account.lastSequence = sequence;
            batch.changed(account);
            AccountStatus after = account.status();
            if (after != before) {
                batch.deltas.count(ACCOUNTS_BY_STATUS, before.name(), -1);
                batch.deltas.count(ACCOUNTS_BY_STATUS, after.name(), 1);
            }
        });
    }

    // ---- cases

    @EventHandler
    void on(CaseOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        inBatch(batch -> {
            if (batch.caseFacts(event.caseId()).isPresent()) {
                return;
            }
            batch.open(new CaseFacts(event.caseId(), event.category().name(), event.severity().name(),
                    event.tier().name(), at, null, null, sequence));
            batch.deltas.count(OPEN_CASES_BY_TIER, event.tier().name(), 1);
            batch.deltas.count(OPEN_CASES_BY_SEVERITY, event.severity().name(), 1);
        });
    }

    @EventHandler
    void on(AccountsLinkedToCaseEvent event) {
        inBatch(batch -> batch.links.add(new ReportingBatch.Link(event.caseId(), event.accountIds())));
    }

    @EventHandler
    void on(CaseEscalatedEvent event, @SequenceNumber long sequence) {
        changeCase(event.caseId(), sequence, (batch, c) -> {
            String from = c.tier;
            c.escalateTo(event.toTier().name());
            if (c.isOpen()) {
                batch.deltas.count(OPEN_CASES_BY_TIER, from, -1);
                batch.deltas.count(OPEN_CASES_BY_TIER, c.tier, 1);
            }
        });
    }

    @EventHandler
    void on(CaseResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeCase(event.caseId(), sequence, (batch, c) -> {
            if (c.isOpen()) {
                batch.deltas.count(OPEN_CASES_BY_TIER, c.tier, -1);
                batch.deltas.count(OPEN_CASES_BY_SEVERITY, c.severity, -1);
            }
            c.resolve(at, event.outcome().name());
        });
    }

    /** Written at once, not through the batch: one idempotent row that no other handler of the batch reads. */
    @EventHandler
    void on(CaseSlaBreachedEvent event) {
        store.slaBreached(event.caseId(), event.severity().name(), event.deadline());
    }

    @EventHandler
    void on(CaseReferredExternallyEvent event, @Timestamp Instant at) {
        store.referred(event.caseId(), event.referralId(), at, event.violations());
    }

    private void changeCase(String caseId, long sequence, BiConsumer<ReportingBatch, CaseFacts> change) {
        inBatch(batch -> batch.caseFacts(caseId).filter(c -> c.accepts(sequence)).ifPresent(c -> {
            change.accept(batch, c);
            c.lastSequence = sequence;
            batch.changed(c);
        }));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    /**
     * Inside a processor's unit of work (one batch of events, one transaction) the event joins the batch, written
     * just before commit; called outside one (a test calling a handler), it is a batch of one, written at once.
     */
    private void inBatch(Consumer<ReportingBatch> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            ReportingBatch single = new ReportingBatch(store);
            work.accept(single);
            single.flush();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        ReportingBatch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            ReportingBatch fresh = new ReportingBatch(store, BatchAggregates.ofCurrentBatch());
            unitOfWork.onPrepareCommit(u -> fresh.flush());
            return fresh;
        });
        work.accept(batch);
    }
}
