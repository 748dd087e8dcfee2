package io.warden.command.cases;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEnforcementApprovedEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRejectedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.account.FourEyesPolicy;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.UnknownResourceException;
import io.warden.command.common.Require;
import io.warden.command.deadline.DeadlineIds;
import io.warden.command.deadline.Deadlines;
import io.warden.command.lookup.CommandSideLookups;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A case gathers accounts (up to a whole campaign of them) under one investigation that moves up the tiers and is
 * finally resolved. Once resolved, only notes may still be added.
 * <p>
 * Every handler answers a {@link CommandResult} whose resource id is the case (the note, for a note) and whose
 * status is the case's status afterwards.
 */
@Aggregate(cache = "wardenAggregateCache", snapshotTriggerDefinition = "caseSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Case {

    private static final EscalationPolicy ESCALATION = new EscalationPolicy();
    private static final AccountLinkingPolicy LINKING = new AccountLinkingPolicy();

    @AggregateIdentifier
    private String caseId;
    private String title;
    private CaseCategory category;
    private Severity severity;
    private CaseStatus status;
    private CaseTier tier;
    private String assignee;
    private Set<String> linkedAccountIds = new HashSet<>();
    private boolean firstEnforced;
    private boolean slaBreached;
    /** The takedown awaiting approval or running; one at a time. */
    private Takedown takedown;
    /** Takedowns no longer pending or running, by id: COMPLETED or REJECTED. */
    private Map<String, String> closedTakedowns = new HashMap<>();

    Case() {
        // for Axon and Jackson
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CommandResult handle(OpenCaseCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         CommandSideLookups lookups, Clock clock, CaseSlaPolicy sla, DeadlineManager deadlineManager,
                         DeadlineIds deadlineIds) {
        String openedBy = Require.actor(actor);
        String id = Require.text(command.caseId(), "caseId");
        Require.text(command.title(), "title");
        Require.present(command.category(), "category");
        Require.present(command.severity(), "severity");
        List<String> accounts = command.accountIds() == null || command.accountIds().isEmpty()
                ? List.of()
                : LINKING.toLink(id, command.accountIds(), Set.of(), lookups);
        apply(new CaseOpenedEvent(id, command.title(), command.category(), command.severity(), command.summary(),
                CaseTier.T1_TRIAGE, openedBy));
        startSla(id, command.severity(), clock.instant(), sla, new Deadlines(deadlineManager, deadlineIds));
        if (!accounts.isEmpty()) {
            apply(new AccountsLinkedToCaseEvent(id, accounts, accounts.size()));
        }
        return changed(id);
    }

    @CommandHandler
    CommandResult handle(LinkAccountsToCaseCommand command, CommandSideLookups lookups) {
        requireNotResolved("link accounts to it");
        List<String> accounts = LINKING.toLink(caseId, command.accountIds(), linkedAccountIds, lookups);
        if (accounts.isEmpty()) {
            return unchanged(caseId);
        }
        apply(new AccountsLinkedToCaseEvent(caseId, accounts, linkedAccountIds.size() + accounts.size()));
        return changed(caseId);
    }

    @CommandHandler
    CommandResult handle(AssignCaseCommand command) {
        requireNotResolved("reassign it");
        String to = Require.text(command.assignee(), "assignee");
        if (to.equals(assignee)) {
            return unchanged(caseId);
        }
        apply(new CaseAssignedEvent(caseId, to, assignee));
        return changed(caseId);
    }

    @CommandHandler
    CommandResult handle(EscalateCaseCommand command, ReferralLookups referrals) {
        requireNotResolved("escalate it");
        CaseTier target = Require.present(command.tier(), "tier");
        ESCALATION.requireUpward(caseId, tier, target);
        apply(new CaseEscalatedEvent(caseId, tier, target, command.reason()));
        referIfExternal(target, command.reason(), referrals);
        return changed(caseId);
    }

    @CommandHandler
    CommandResult handle(AddCaseNoteCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor) {
        String author = Require.actor(actor);
        String noteId = Require.text(command.noteId(), "noteId");
        Require.text(command.text(), "text");
        apply(new CaseNoteAddedEvent(caseId, noteId, command.text(), author));
        return changed(noteId);
    }

    @CommandHandler
    CommandResult handle(ResolveCaseCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         DeadlineManager deadlineManager, DeadlineIds deadlineIds) {
        String resolvedBy = Require.actor(actor);
        if (status == CaseStatus.RESOLVED) {
            throw new CommandRefusedException("Case " + caseId + " is already resolved; a resolution is final, so add "
                    + "a note to record anything further");
        }
        Require.present(command.outcome(), "outcome");
        apply(new CaseResolvedEvent(caseId, command.outcome(), command.summary(), resolvedBy));
        new Deadlines(deadlineManager, deadlineIds).cancel(CaseSlaPolicy.key(caseId), CaseSlaPolicy.DEADLINE);
        return changed(caseId);
    }

    // ---- SLA, first enforcement and external referral

    private static void startSla(String caseId, Severity severity, Instant openedAt, CaseSlaPolicy sla,
                                 Deadlines deadlines) {
        Instant deadline = sla.deadlineFor(severity, openedAt);
        deadlines.schedule(CaseSlaPolicy.key(caseId), CaseSlaPolicy.DEADLINE, deadline,
                new CaseSlaDeadline(caseId, severity, deadline, openedAt));
    }

    /** Only the first enforcement citing the case matters to it: it ends the SLA. Any later one is a no-op. */
    @CommandHandler
    CommandResult handle(RecordCaseEnforcementCommand command, DeadlineManager deadlineManager,
                         DeadlineIds deadlineIds) {
        if (firstEnforced || status == CaseStatus.RESOLVED) {
            return unchanged(caseId);
        }
        apply(new CaseFirstEnforcedEvent(caseId, command.accountId(), command.actionId(), command.kind()));
        new Deadlines(deadlineManager, deadlineIds).cancel(CaseSlaPolicy.key(caseId), CaseSlaPolicy.DEADLINE);
        return changed(caseId);
    }

    /** The deadline is cancelled when the SLA is met, but a cancellation racing the deadline must not breach it. */
    @DeadlineHandler(deadlineName = CaseSlaPolicy.DEADLINE)
    void on(CaseSlaDeadline deadline, DeadlineIds deadlineIds) {
        deadlineIds.forget(CaseSlaPolicy.key(caseId));
        if (firstEnforced || slaBreached || status == CaseStatus.RESOLVED) {
            return;
        }
        apply(new CaseSlaBreachedEvent(caseId, deadline.severity(), deadline.deadline(), deadline.openedAt()));
    }

    /** Escalation goes up only, so a case reaches T4 once and has one referral, named after the case. */
    private void referIfExternal(CaseTier target, String reason, ReferralLookups referrals) {
        if (target == CaseTier.T4_EXTERNAL_REFERRAL) {
            apply(new CaseReferredExternallyEvent(caseId, "referral-" + caseId, reason,
                    referrals.exportControlViolationsOfCase(caseId)));
        }
    }

    // ---- campaign takedown (driven account by account by CampaignTakedownSaga)

    @CommandHandler
    CommandResult handle(RequestCaseEnforcementCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         TakedownPolicy takedowns) {
        String requestedBy = Require.actor(actor);
        String enforcementId = Require.text(command.enforcementId(), "enforcementId");
        ActionKind action = Require.present(command.action(), "action");
        Require.text(command.reason(), "reason");
        if (action == ActionKind.FLAG) {
            throw new InvalidCommandException("A takedown restricts, suspends or bans; flag accounts one by one");
        }
        requireNotResolved("take its accounts down");
        if (takedown != null) {
            throw new CommandRefusedException("Takedown " + takedown.enforcementId() + " of case " + caseId + " is "
                    + (takedown.running() ? "still running" : "awaiting approval")
                    + "; wait for it to end (or reject it) before requesting another");
        }
        if (linkedAccountIds.isEmpty()) {
            throw new CommandRefusedException("Case " + caseId + " has no linked accounts; link the campaign's "
                    + "accounts before taking them down");
        }
        long total = linkedAccountIds.size();
        boolean approvalRequired = takedowns.requiresApproval(action, total);
        apply(new CaseEnforcementRequestedEvent(caseId, enforcementId, action, command.reason(), total, requestedBy,
                approvalRequired));
        if (approvalRequired) {
            return CommandResult.pending(enforcementId, version());
        }
        apply(new CaseEnforcementStartedEvent(caseId, enforcementId, action, command.reason(), total, requestedBy,
                null));
        return CommandResult.changed(enforcementId, version(), "RUNNING");
    }

    @CommandHandler
    CommandResult handle(ApproveCaseEnforcementCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         FourEyesPolicy fourEyes) {
        String approver = Require.actor(actor);
        Takedown pending = decidableTakedown(command.enforcementId(), approver, "approve", fourEyes);
        apply(new CaseEnforcementApprovedEvent(caseId, pending.enforcementId(), pending.action(),
                pending.requestedBy(), approver, command.comment()));
        apply(new CaseEnforcementStartedEvent(caseId, pending.enforcementId(), pending.action(), pending.reason(),
                pending.total(), pending.requestedBy(), approver));
        return CommandResult.changed(pending.enforcementId(), version(), "RUNNING");
    }

    @CommandHandler
    CommandResult handle(RejectCaseEnforcementCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         FourEyesPolicy fourEyes) {
        String rejecter = Require.actor(actor);
        Takedown pending = decidableTakedown(command.enforcementId(), rejecter, "reject", fourEyes);
        apply(new CaseEnforcementRejectedEvent(caseId, pending.enforcementId(), pending.action(),
                pending.requestedBy(), rejecter, command.comment()));
        return CommandResult.changed(pending.enforcementId(), version(), "REJECTED");
    }

    @CommandHandler
    CommandResult handle(RecordTakedownProgressCommand command) {
        if (takedown == null || !takedown.running() || !takedown.enforcementId().equals(command.enforcementId())
                || !Objects.equals(takedown.cursor(), command.fromCursor())) {
            // recorded before: the saga redelivered a chunk after a restart, or the takedown already ended
            return unchanged(command.enforcementId());
        }
        long done = takedown.done() + command.done();
        long skipped = takedown.skipped() + command.skipped();
        long failed = takedown.failed() + command.failed();
        String cursor = command.cursor() == null ? takedown.cursor() : command.cursor();
        apply(new CaseEnforcementProgressedEvent(caseId, takedown.enforcementId(), done, skipped, failed, cursor,
                command.skips() == null ? List.of() : command.skips(),
                command.failures() == null ? List.of() : command.failures(), command.finished()));
        if (command.finished()) {
            apply(new CaseEnforcementCompletedEvent(caseId, command.enforcementId(), takedown.action(),
                    done + skipped + failed, done, skipped, failed));
        }
        return changed(command.enforcementId());
    }

    private Takedown decidableTakedown(String enforcementId, String decider, String verb, FourEyesPolicy fourEyes) {
        if (takedown == null || !takedown.enforcementId().equals(enforcementId)) {
            String closed = closedTakedowns.get(enforcementId);
            if (closed != null) {
                throw new CommandRefusedException("Takedown " + enforcementId + " of case " + caseId + " is no longer "
                        + "pending (" + closed + "); request a new takedown if it is still needed");
            }
            throw new UnknownResourceException("Case " + caseId + " has no takedown " + enforcementId);
        }
        if (takedown.running()) {
            throw new CommandRefusedException("Takedown " + enforcementId + " of case " + caseId + " is no longer "
                    + "pending (RUNNING); it needs no further decision");
        }
        if (!fourEyes.mayDecide(takedown.requestedBy(), decider)) {
            throw new CommandRefusedException(decider + " requested takedown " + enforcementId + " of case " + caseId
                    + " and cannot " + verb + " it; a second person must " + verb + " it");
        }
        return takedown;
    }

    private void requireNotResolved(String whatWasAsked) {
        if (status == CaseStatus.RESOLVED) {
            throw new CommandRefusedException("Case " + caseId + " is resolved, so you cannot " + whatWasAsked
                    + "; open a new case, or add a note to this one");
        }
    }

    private CommandResult changed(String resourceId) {
        return CommandResult.changed(resourceId, version(), status.name());
    }

    private CommandResult unchanged(String resourceId) {
        return CommandResult.unchanged(resourceId, version(), status.name());
    }

    private static long version() {
        return Objects.requireNonNull(AggregateLifecycle.getVersion(), "an existing case always has a version");
    }

    // ---- event sourcing: assignment only

    @EventSourcingHandler
    void on(CaseOpenedEvent event) {
        caseId = event.caseId();
        title = event.title();
        category = event.category();
        severity = event.severity();
        status = CaseStatus.OPEN;
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(AccountsLinkedToCaseEvent event) {
        linkedAccountIds.addAll(event.accountIds());
    }

    @EventSourcingHandler
    void on(CaseAssignedEvent event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(CaseEscalatedEvent event) {
        tier = event.toTier();
    }

    @EventSourcingHandler
    void on(CaseResolvedEvent event) {
        status = CaseStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(CaseFirstEnforcedEvent event) {
        firstEnforced = true;
    }

    @EventSourcingHandler
    void on(CaseSlaBreachedEvent event) {
        slaBreached = true;
    }

    @EventSourcingHandler
    void on(CaseEnforcementRequestedEvent event) {
        takedown = new Takedown(event.enforcementId(), event.action(), event.reason(), event.total(),
                event.requestedBy(), false, null, 0, 0, 0);
    }

    @EventSourcingHandler
    void on(CaseEnforcementStartedEvent event) {
        takedown = takedown.started();
        status = CaseStatus.ENFORCING;
    }

    @EventSourcingHandler
    void on(CaseEnforcementRejectedEvent event) {
        takedown = null;
        closedTakedowns.put(event.enforcementId(), "REJECTED");
    }

    @EventSourcingHandler
    void on(CaseEnforcementProgressedEvent event) {
        takedown = takedown.progressed(event.cursor(), event.done(), event.skipped(), event.failed());
    }

    @EventSourcingHandler
    void on(CaseEnforcementCompletedEvent event) {
        takedown = null;
        closedTakedowns.put(event.enforcementId(), "COMPLETED");
        // a case resolved while its takedown ran stays resolved
        if (status == CaseStatus.ENFORCING) {
            status = CaseStatus.OPEN;
        }
    }
}
