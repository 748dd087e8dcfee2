package io.warden.command.cases;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
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
import java.util.HashSet;
import java.util.List;
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
}
