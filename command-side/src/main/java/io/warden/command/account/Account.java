package io.warden.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.AppealDecidedEvent;
import io.warden.api.events.AppealFiledEvent;
import io.warden.api.events.CampaignActionSkippedEvent;
import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementExpiredEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.AppealOutcome;
import io.warden.api.types.ApprovalStatus;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Tier;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.Require;
import io.warden.command.common.UnknownResourceException;
import io.warden.command.deadline.DeadlineIds;
import io.warden.command.deadline.Deadlines;
import io.warden.command.lookup.CommandSideLookups;
import io.warden.command.lookup.TakedownRecord;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account of the platform and everything enforced on it. Its status is derived from its state, never stored, so
 * that a ban always outranks a suspension, a suspension a restriction, and a restriction a flag.
 * <p>
 * Every handler answers a {@link CommandResult} whose resource id is what the command created or acted on (the
 * violation, restriction, action or appeal; the account for the rest) and whose status is the account's status
 * afterwards, or {@code PENDING_APPROVAL} for a proposal.
 */
@Aggregate(cache = "wardenAggregateCache", snapshotTriggerDefinition = "accountSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Account {

    private static final EnforcementGroundsPolicy GROUNDS = new EnforcementGroundsPolicy();
    private static final AppealPolicy APPEALS = new AppealPolicy();

    @AggregateIdentifier
    private String accountId;
    private String organization;
    private String organizationId;
    private String country;
    private Tier tier;
    // Most accounts never get most of the collections below: each starts as the shared empty one and gets its own on
    // its first entry (with(...)), which keeps a cached account about 450 bytes smaller; the aggregate cache is sized
    // to hold every account of an incident like the seed's (README, "Benchmark").
    private Set<String> violationIds = Collections.emptySet();
    private boolean flagged;
    private Map<String, RestrictionKind> activeRestrictions = Collections.emptyMap();
    private Set<String> liftedRestrictionIds = Collections.emptySet();
    private ImposedAction suspension;
    private ImposedAction ban;
    private Map<String, Proposal> pendingProposals = Collections.emptyMap();
    private Map<String, ApprovalStatus> closedProposals = Collections.emptyMap();
    private OpenAppeal openAppeal;
    private Set<String> decidedAppealIds = Collections.emptySet();
    /** Suspensions and bans that ended (reinstatement, overturned appeal): a takedown must not impose them again. */
    private Set<String> endedActionIds = Collections.emptySet();
    /** Takedowns that skipped this account, with the reason, so a resumed takedown answers the same. */
    private Map<String, String> campaignSkips = Collections.emptyMap();

    Account() {
        // for Axon and Jackson
    }

    // ---- registration and violations

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandResult handle(RegisterAccountCommand command) {
        if (accountId != null) {
            List<String> differences = differencesFrom(command);
            if (differences.isEmpty()) {
                return unchanged(accountId);
            }
            throw new CommandRefusedException("Account " + accountId + " is already registered with different data ("
                    + String.join("; ", differences) + "); an existing account cannot be registered again");
        }
        Require.text(command.accountId(), "accountId");
        Require.text(command.organization(), "organization");
        Require.text(command.country(), "country");
        Require.present(command.tier(), "tier");
        apply(new AccountRegisteredEvent(command.accountId(), command.organization(), command.organizationId(),
                command.country(), command.tier()));
        return changed(accountId);
    }

    @CommandHandler
    CommandResult handle(RecordViolationCommand command) {
        String violationId = Require.text(command.violationId(), "violationId");
        Require.present(command.category(), "category");
        Require.text(command.policy(), "policy");
        Require.present(command.severity(), "severity");
        Require.present(command.detectedAt(), "detectedAt");
        if (violationIds.contains(violationId)) {
            return unchanged(violationId);
        }
        apply(new ViolationRecordedEvent(accountId, violationId, command.category(), command.policy(),
                command.severity(), command.detectedAt(), command.evidence()));
        return changed(violationId);
    }

    // ---- flag

    @CommandHandler
    CommandResult handle(FlagAccountCommand command) {
        if (ban != null) {
            throw new CommandRefusedException("Account " + accountId + " is banned; a flag adds nothing to a ban");
        }
        if (flagged) {
            throw new CommandRefusedException("Account " + accountId + " is already flagged; unflag it first to flag it "
                    + "for another reason");
        }
        List<String> cited = command.violationIds() == null ? List.of() : List.copyOf(command.violationIds());
        GROUNDS.requireRecorded(accountId, cited, violationIds);
        apply(new AccountFlaggedEvent(accountId, command.reason(), cited));
        return changed(accountId);
    }

    @CommandHandler
    CommandResult handle(UnflagAccountCommand command) {
        if (!flagged) {
            throw new CommandRefusedException("Account " + accountId + " is not flagged; there is no flag to remove");
        }
        apply(new AccountUnflaggedEvent(accountId, command.reason()));
        return changed(accountId);
    }

    // ---- restrictions

    @CommandHandler
    CommandResult handle(RestrictAccountCommand command, Clock clock, CommandSideLookups lookups) {
        String restrictionId = Require.text(command.restrictionId(), "restrictionId");
        Require.present(command.kind(), "kind");
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw new InvalidCommandException("expiresAt " + command.expiresAt()
                    + " is not in the future; give a later instant or none for a restriction until lifted");
        }
        if (ban != null) {
            throw new CommandRefusedException("Account " + accountId + " is banned; a ban already blocks all access, "
                    + "so a restriction adds nothing");
        }
        if (activeRestrictions.containsKey(restrictionId) || liftedRestrictionIds.contains(restrictionId)) {
            throw new CommandRefusedException("Restriction " + restrictionId + " already exists on account "
                    + accountId + "; give the new restriction its own id");
        }
        GROUNDS.requireSound(accountId, ActionKind.RESTRICT, command.grounds(), violationIds, lookups);
        apply(new AccountRestrictedEvent(accountId, restrictionId, command.kind(), command.reason(), command.grounds(),
                command.expiresAt()));
        return changed(restrictionId);
    }

    @CommandHandler
    CommandResult handle(LiftRestrictionCommand command) {
        String restrictionId = command.restrictionId();
        if (liftedRestrictionIds.contains(restrictionId)) {
            throw new CommandRefusedException("Restriction " + restrictionId + " on account " + accountId
                    + " was already lifted; there is nothing left to lift");
        }
        RestrictionKind kind = activeRestrictions.get(restrictionId);
        if (kind == null) {
            throw new UnknownResourceException("Account " + accountId + " has no restriction " + restrictionId);
        }
        apply(new RestrictionLiftedEvent(accountId, restrictionId, kind, command.reason()));
        return changed(restrictionId);
    }

    // ---- suspension and ban (four eyes where the policy says so)

    @CommandHandler
    CommandResult handle(SuspendAccountCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         Clock clock, FourEyesPolicy fourEyes, CommandSideLookups lookups,
                         DeadlineManager deadlineManager, DeadlineIds deadlineIds) {
        String by = Require.actor(actor);
        String actionId = Require.text(command.actionId(), "actionId");
        if (ban != null) {
            throw new CommandRefusedException("Account " + accountId + " is banned (action " + ban.actionId()
                    + "); a ban outranks a suspension, so there is nothing to suspend");
        }
        if (suspension != null) {
            throw new CommandRefusedException("Account " + accountId + " is already suspended (action "
                    + suspension.actionId() + "); reinstate it before suspending it again");
        }
        livePending(ActionKind.SUSPEND, clock.instant()).ifPresent(pending -> {
            throw new CommandRefusedException("A suspension of account " + accountId
                    + " is already awaiting approval (proposal " + pending.actionId()
                    + "); approve or reject that proposal instead");
        });
        GROUNDS.requireSound(accountId, ActionKind.SUSPEND, command.grounds(), violationIds, lookups);
        if (fourEyes.requiresApproval(ActionKind.SUSPEND, tier)) {
            apply(new EnforcementProposedEvent(accountId, actionId, ActionKind.SUSPEND, command.reason(),
                    command.grounds(), by, clock.instant().plus(fourEyes.proposalLifetime())));
            scheduleExpiry(actionId, new Deadlines(deadlineManager, deadlineIds));
            return CommandResult.pending(actionId, version());
        }
        apply(new AccountSuspendedEvent(accountId, actionId, command.reason(), command.grounds(), by, null));
        return changed(actionId);
    }

    @CommandHandler
    CommandResult handle(BanAccountCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         Clock clock, FourEyesPolicy fourEyes, CommandSideLookups lookups,
                         DeadlineManager deadlineManager, DeadlineIds deadlineIds) {
        String by = Require.actor(actor);
        String actionId = Require.text(command.actionId(), "actionId");
        if (ban != null) {
            throw new CommandRefusedException("Account " + accountId + " is already banned (action "
                    + ban.actionId() + "); there is nothing more to ban");
        }
        livePending(ActionKind.BAN, clock.instant()).ifPresent(pending -> {
            throw new CommandRefusedException("A ban of account " + accountId + " is already awaiting approval "
                    + "(proposal " + pending.actionId() + "); approve or reject that proposal instead");
        });
        GROUNDS.requireSound(accountId, ActionKind.BAN, command.grounds(), violationIds, lookups);
        apply(new EnforcementProposedEvent(accountId, actionId, ActionKind.BAN, command.reason(), command.grounds(),
                by, clock.instant().plus(fourEyes.proposalLifetime())));
        scheduleExpiry(actionId, new Deadlines(deadlineManager, deadlineIds));
        return CommandResult.pending(actionId, version());
    }

    @CommandHandler
    CommandResult handle(ApproveEnforcementCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         Clock clock, FourEyesPolicy fourEyes, DeadlineManager deadlineManager,
                         DeadlineIds deadlineIds) {
        String approver = Require.actor(actor);
        Proposal proposal = decidableProposal(command.actionId(), approver, "approve", clock, fourEyes);
        switch (proposal.kind()) {
            case SUSPEND -> {
                if (ban != null) {
                    throw new CommandRefusedException("Account " + accountId + " has been banned (action "
                            + ban.actionId() + ") since suspension " + proposal.actionId() + " was proposed; a ban "
                            + "outranks a suspension, so reject the proposal instead");
                }
                if (suspension != null) {
                    throw new CommandRefusedException("Account " + accountId + " is already suspended (action "
                            + suspension.actionId() + "); reject proposal " + proposal.actionId() + " instead");
                }
            }
            case BAN -> {
                if (ban != null) {
                    throw new CommandRefusedException("Account " + accountId + " is already banned (action "
                            + ban.actionId() + "); reject proposal " + proposal.actionId() + " instead");
                }
            }
            case FLAG, RESTRICT -> throw new IllegalStateException("flags and restrictions are never proposed");
        }
        apply(new EnforcementApprovedEvent(accountId, proposal.actionId(), proposal.kind(), proposal.proposedBy(),
                approver, command.comment()));
        if (proposal.kind() == ActionKind.SUSPEND) {
            apply(new AccountSuspendedEvent(accountId, proposal.actionId(), proposal.reason(), proposal.grounds(),
                    proposal.proposedBy(), approver));
        } else {
            apply(new AccountBannedEvent(accountId, proposal.actionId(), proposal.reason(), proposal.grounds(),
                    proposal.proposedBy(), approver));
        }
        new Deadlines(deadlineManager, deadlineIds).cancel(ProposalExpiry.key(proposal.actionId()), ProposalExpiry.DEADLINE);
        return changed(proposal.actionId());
    }

    @CommandHandler
    CommandResult handle(RejectEnforcementCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         Clock clock, FourEyesPolicy fourEyes, DeadlineManager deadlineManager,
                         DeadlineIds deadlineIds) {
        String rejecter = Require.actor(actor);
        Proposal proposal = decidableProposal(command.actionId(), rejecter, "reject", clock, fourEyes);
        apply(new EnforcementRejectedEvent(accountId, proposal.actionId(), proposal.kind(), proposal.proposedBy(),
                rejecter, command.comment()));
        new Deadlines(deadlineManager, deadlineIds).cancel(ProposalExpiry.key(proposal.actionId()), ProposalExpiry.DEADLINE);
        return changed(proposal.actionId());
    }

    // ---- proposal expiry and rule flags

    private void scheduleExpiry(String actionId, Deadlines deadlines) {
        Proposal proposal = pendingProposals.get(actionId);
        deadlines.schedule(ProposalExpiry.key(actionId), ProposalExpiry.DEADLINE, proposal.expiresAt(),
                new ProposalExpiry(accountId, actionId, proposal.expiresAt()));
    }

    /** Approval and rejection cancel the deadline; one that fires all the same finds nothing pending and records nothing. */
    @DeadlineHandler(deadlineName = ProposalExpiry.DEADLINE)
    void on(ProposalExpiry expiry, DeadlineIds deadlineIds) {
        deadlineIds.forget(ProposalExpiry.key(expiry.actionId()));
        Proposal proposal = pendingProposals.get(expiry.actionId());
        if (proposal == null) {
            return;
        }
        apply(new EnforcementExpiredEvent(accountId, proposal.actionId(), proposal.kind(), proposal.proposedBy(),
                proposal.expiresAt()));
    }

    @CommandHandler
    CommandResult handle(FlagAccountByRuleCommand command) {
        if (flagged || ban != null) {
            return unchanged(accountId);
        }
        List<String> cited = command.violationIds() == null ? List.of() : List.copyOf(command.violationIds());
        GROUNDS.requireRecorded(accountId, cited, violationIds);
        apply(new AccountFlaggedEvent(accountId, Require.text(command.rule(), "rule"), cited));
        return changed(accountId);
    }

    @CommandHandler
    CommandResult handle(ReinstateAccountCommand command) {
        if (ban != null) {
            throw new CommandRefusedException("Account " + accountId + " is banned; banned accounts return only "
                    + "through an overturned appeal");
        }
        if (suspension == null) {
            throw new CommandRefusedException("Account " + accountId + " is not suspended; there is nothing to "
                    + "reinstate");
        }
        apply(new AccountReinstatedEvent(accountId, command.reason(), ReinstatementCause.MANUAL,
                List.of(suspension.actionId()), null));
        return changed(accountId);
    }

    // ---- campaign takedown: one account's part, sent by the takedown saga

    /**
     * Applies a takedown's action directly, citing the case. Where four eyes are needed (a ban, an ENTERPRISE
     * suspension) the takedown's own approval stands for them: its approver, checked against the started takedown
     * and against the requester, becomes the action's {@code approvedBy}. An unapproved takedown leaves such a
     * suspension to a per-account proposal, as a single suspension would.
     */
    @CommandHandler
    CampaignActionResult handle(ApplyCampaignActionCommand command, Clock clock, FourEyesPolicy fourEyes,
                                CommandSideLookups lookups) {
        String enforcementId = Require.text(command.enforcementId(), "enforcementId");
        String actionId = CampaignActions.actionId(enforcementId, accountId);
        CampaignActionResult earlier = earlierOutcome(enforcementId, actionId);
        if (earlier != null) {
            return earlier;
        }
        requireFromTakedown(command, lookups);
        ActionKind action = command.action();
        EnforcementGrounds grounds = EnforcementGrounds.ofCase(command.caseId());
        GROUNDS.requireSound(accountId, action, grounds, violationIds, lookups);
        String skip = campaignSkipReason(action, clock.instant());
        if (skip != null) {
            apply(new CampaignActionSkippedEvent(accountId, command.caseId(), enforcementId, action, skip));
            return new CampaignActionResult(accountId, actionId, CampaignActionResult.Outcome.SKIPPED, skip, false);
        }
        boolean needsFourEyes = fourEyes.requiresApproval(action, tier);
        if (needsFourEyes && command.approvedBy() == null && action == ActionKind.SUSPEND) {
            apply(new EnforcementProposedEvent(accountId, actionId, action, command.reason(), grounds,
                    command.requestedBy(), clock.instant().plus(fourEyes.proposalLifetime())));
            return new CampaignActionResult(accountId, actionId, CampaignActionResult.Outcome.PROPOSED,
                    "an ENTERPRISE suspension needs a second person; proposed as " + actionId, false);
        }
        if (needsFourEyes && !fourEyes.mayDecide(command.requestedBy(), command.approvedBy())) {
            throw new CommandRefusedException("A " + action.name().toLowerCase() + " of account " + accountId
                    + " needs a second person's approval, and takedown " + enforcementId + " has none");
        }
        switch (action) {
            case RESTRICT -> apply(new AccountRestrictedEvent(accountId, actionId, RestrictionKind.MODEL_ACCESS,
                    command.reason(), grounds, null));
            case SUSPEND -> apply(new AccountSuspendedEvent(accountId, actionId, command.reason(), grounds,
                    command.requestedBy(), needsFourEyes ? command.approvedBy() : null));
            case BAN -> apply(new AccountBannedEvent(accountId, actionId, command.reason(), grounds,
                    command.requestedBy(), command.approvedBy()));
            case FLAG -> throw new InvalidCommandException("A takedown restricts, suspends or bans; it never flags");
        }
        return new CampaignActionResult(accountId, actionId, CampaignActionResult.Outcome.APPLIED, null, false);
    }

    /** The outcome this account gave the takedown before, if it did: the action it took, its proposal, its skip. */
    private CampaignActionResult earlierOutcome(String enforcementId, String actionId) {
        String skipped = campaignSkips.get(enforcementId);
        if (skipped != null) {
            return new CampaignActionResult(accountId, actionId, CampaignActionResult.Outcome.SKIPPED, skipped, true);
        }
        if (pendingProposals.containsKey(actionId) || closedProposals.containsKey(actionId)) {
            return new CampaignActionResult(accountId, actionId, CampaignActionResult.Outcome.PROPOSED,
                    "an ENTERPRISE suspension needs a second person; proposed as " + actionId, true);
        }
        boolean taken = activeRestrictions.containsKey(actionId) || liftedRestrictionIds.contains(actionId)
                || endedActionIds.contains(actionId)
                || (suspension != null && suspension.actionId().equals(actionId))
                || (ban != null && ban.actionId().equals(actionId));
        return taken
                ? new CampaignActionResult(accountId, actionId, CampaignActionResult.Outcome.APPLIED, null, true)
                : null;
    }

    private void requireFromTakedown(ApplyCampaignActionCommand command, CommandSideLookups lookups) {
        TakedownRecord takedown = lookups.takedown(command.enforcementId())
                .filter(TakedownRecord::started)
                .orElseThrow(() -> new CommandRefusedException("Takedown " + command.enforcementId()
                        + " has not started; only a started takedown acts on its accounts"));
        boolean matches = Objects.equals(takedown.caseId(), command.caseId())
                && takedown.action() == command.action()
                && Objects.equals(takedown.requestedBy(), command.requestedBy())
                && Objects.equals(takedown.approvedBy(), command.approvedBy());
        if (!matches) {
            throw new CommandRefusedException("The command does not match takedown " + command.enforcementId()
                    + " of case " + takedown.caseId() + " (" + takedown.action() + " requested by "
                    + takedown.requestedBy() + ", approved by " + takedown.approvedBy() + ")");
        }
    }

    /** Why the account is left as it is, or null when the action applies. */
    private String campaignSkipReason(ActionKind action, Instant now) {
        if (ban != null) {
            return "already banned (action " + ban.actionId() + ")";
        }
        if (action == ActionKind.SUSPEND) {
            if (suspension != null) {
                return "already suspended (action " + suspension.actionId() + ")";
            }
            Optional<Proposal> pending = livePending(ActionKind.SUSPEND, now);
            if (pending.isPresent()) {
                return "a suspension is already awaiting approval (proposal " + pending.get().actionId() + ")";
            }
        }
        return null;
    }

    // ---- appeals

    @CommandHandler
    CommandResult handle(FileAppealCommand command) {
        String appealId = Require.text(command.appealId(), "appealId");
        if (openAppeal != null) {
            throw new CommandRefusedException("Appeal " + openAppeal.appealId() + " of account " + accountId
                    + " is still open; wait for its decision before filing another");
        }
        ImposedAction contested = APPEALS.contestable(accountId, ban, suspension);
        apply(new AppealFiledEvent(accountId, appealId, contested.actionId(), contested.kind(), command.statement()));
        return changed(appealId);
    }

    @CommandHandler
    CommandResult handle(DecideAppealCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor) {
        String decider = Require.actor(actor);
        String appealId = command.appealId();
        if (decidedAppealIds.contains(appealId)) {
            throw new CommandRefusedException("Appeal " + appealId + " of account " + accountId
                    + " was already decided; a decision is final");
        }
        if (openAppeal == null || !openAppeal.appealId().equals(appealId)) {
            throw new UnknownResourceException("Account " + accountId + " has no appeal " + appealId);
        }
        AppealOutcome outcome = Require.present(command.outcome(), "outcome");
        OpenAppeal appeal = openAppeal;
        APPEALS.requireImpartial(accountId, appeal, decider);
        List<String> ended = outcome == AppealOutcome.OVERTURNED
                ? APPEALS.endedByOverturn(appeal, ban, suspension)
                : List.of();
        apply(new AppealDecidedEvent(accountId, appealId, appeal.contested().actionId(), outcome, command.reason(),
                decider));
        if (!ended.isEmpty()) {
            apply(new AccountReinstatedEvent(accountId, command.reason(), ReinstatementCause.APPEAL_OVERTURNED, ended,
                    appealId));
        }
        return changed(appealId);
    }

    // ---- state

    AccountStatus status() {
        return AccountStatus.derive(ban != null, suspension != null, !activeRestrictions.isEmpty(), flagged);
    }

    /** An expired proposal no longer blocks a new one of its kind: its refusal tells people to propose again. */
    private Optional<Proposal> livePending(ActionKind kind, Instant now) {
        return pendingProposals.values().stream()
                .filter(p -> p.kind() == kind && !p.expiredAt(now))
                .findFirst();
    }

    private Proposal decidableProposal(String actionId, String decider, String verb, Clock clock,
                                       FourEyesPolicy fourEyes) {
        Proposal proposal = pendingProposals.get(actionId);
        if (proposal == null) {
            ApprovalStatus closed = closedProposals.get(actionId);
            if (closed != null) {
                throw new CommandRefusedException("Proposal " + actionId + " of account " + accountId + " is no longer "
                        + "pending (" + closed + "); propose the action again if it is still needed");
            }
            throw new UnknownResourceException("Account " + accountId + " has no proposal " + actionId);
        }
        if (!fourEyes.mayDecide(proposal.proposedBy(), decider)) {
            throw new CommandRefusedException(decider + " proposed " + proposal.kind().name().toLowerCase() + " "
                    + actionId + " of account " + accountId + " and cannot " + verb + " it; a second person must "
                    + verb + " it");
        }
        if (proposal.expiredAt(clock.instant())) {
            throw new CommandRefusedException("Proposal " + actionId + " expired at " + proposal.expiresAt()
                    + "; propose the action again");
        }
        return proposal;
    }

    private List<String> differencesFrom(RegisterAccountCommand command) {
        List<String> differences = new ArrayList<>();
        compare(differences, "organization", organization, command.organization());
        compare(differences, "organizationId", organizationId, command.organizationId());
        compare(differences, "country", country, command.country());
        compare(differences, "tier", tier, command.tier());
        return differences;
    }

    private static void compare(List<String> differences, String field, Object registered, Object requested) {
        if (!Objects.equals(registered, requested)) {
            differences.add(field + " is " + registered + ", not " + requested);
        }
    }

    private CommandResult changed(String resourceId) {
        return CommandResult.changed(resourceId, version(), status().name());
    }

    private CommandResult unchanged(String resourceId) {
        return CommandResult.unchanged(resourceId, version(), status().name());
    }

    private static long version() {
        return Objects.requireNonNull(AggregateLifecycle.getVersion(), "an existing account always has a version");
    }

    // ---- event sourcing: assignment only

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
        organization = event.organization();
        organizationId = event.organizationId();
        country = event.country();
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(ViolationRecordedEvent event) {
        violationIds = with(violationIds, List.of(event.violationId()));
    }

    @EventSourcingHandler
    void on(AccountFlaggedEvent event) {
        flagged = true;
    }

    @EventSourcingHandler
    void on(AccountUnflaggedEvent event) {
        flagged = false;
    }

    @EventSourcingHandler
    void on(AccountRestrictedEvent event) {
        activeRestrictions = with(activeRestrictions, event.restrictionId(), event.kind());
    }

    @EventSourcingHandler
    void on(RestrictionLiftedEvent event) {
        activeRestrictions.remove(event.restrictionId());
        liftedRestrictionIds = with(liftedRestrictionIds, List.of(event.restrictionId()));
    }

    @EventSourcingHandler
    void on(EnforcementProposedEvent event) {
        // a proposal of a kind already pending is only accepted once the earlier one has expired; it replaces it
        pendingProposals.values().removeIf(earlier -> {
            boolean superseded = earlier.kind() == event.kind();
            if (superseded) {
                closedProposals = with(closedProposals, earlier.actionId(), ApprovalStatus.EXPIRED);
            }
            return superseded;
        });
        pendingProposals = with(pendingProposals, event.actionId(), new Proposal(event.actionId(), event.kind(), event.reason(),
                event.grounds(), event.proposedBy(), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(EnforcementApprovedEvent event) {
        pendingProposals.remove(event.actionId());
        closedProposals = with(closedProposals, event.actionId(), ApprovalStatus.APPROVED);
    }

    @EventSourcingHandler
    void on(EnforcementRejectedEvent event) {
        pendingProposals.remove(event.actionId());
        closedProposals = with(closedProposals, event.actionId(), ApprovalStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(EnforcementExpiredEvent event) {
        pendingProposals.remove(event.actionId());
        closedProposals = with(closedProposals, event.actionId(), ApprovalStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(AccountSuspendedEvent event) {
        suspension = new ImposedAction(event.actionId(), ActionKind.SUSPEND, event.suspendedBy(), event.approvedBy());
    }

    @EventSourcingHandler
    void on(AccountBannedEvent event) {
        ban = new ImposedAction(event.actionId(), ActionKind.BAN, event.proposedBy(), event.approvedBy());
    }

    @EventSourcingHandler
    void on(AccountReinstatedEvent event) {
        endedActionIds = with(endedActionIds, event.endedActionIds());
        if (suspension != null && event.endedActionIds().contains(suspension.actionId())) {
            suspension = null;
        }
        if (ban != null && event.endedActionIds().contains(ban.actionId())) {
            ban = null;
        }
    }

    @EventSourcingHandler
    void on(AppealFiledEvent event) {
        ImposedAction contested = event.contestedAction() == ActionKind.BAN ? ban : suspension;
        openAppeal = new OpenAppeal(event.appealId(), contested);
    }

    @EventSourcingHandler
    void on(AppealDecidedEvent event) {
        openAppeal = null;
        decidedAppealIds = with(decidedAppealIds, List.of(event.appealId()));
    }

    @EventSourcingHandler
    void on(CampaignActionSkippedEvent event) {
        campaignSkips = with(campaignSkips, event.enforcementId(), event.reason());
    }

    /** {@code set} with {@code values} added: the set itself once it is the account's own, else a new own copy. */
    private static <T> Set<T> with(Set<T> set, Collection<T> values) {
        Set<T> own = set instanceof HashSet<T> mutable ? mutable : new HashSet<>(set);
        own.addAll(values);
        return own;
    }

    /** {@code map} with {@code key} set: the map itself once it is the account's own, else a new own copy. */
    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map<K, V> own = map instanceof HashMap<K, V> mutable ? mutable : new HashMap<>(map);
        own.put(key, value);
        return own;
    }
}
