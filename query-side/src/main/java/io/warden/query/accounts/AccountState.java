package io.warden.query.accounts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.AppealDecidedEvent;
import io.warden.api.events.AppealFiledEvent;
import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementExpiredEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.AccountAction;
import io.warden.api.queries.AccountAppeal;
import io.warden.api.queries.AccountCaseLink;
import io.warden.api.queries.AccountView;
import io.warden.api.queries.AccountViolation;
import io.warden.api.queries.ActionState;
import io.warden.api.queries.PendingApproval;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Tier;
import io.warden.query.support.FlagIds;
import io.warden.query.support.FoldedState;
import io.warden.query.support.StoredHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * The state of one account as the account view shows it, and the one rule by which its events change it. Both the
 * projection (event by event, into {@code account_view}) and the point-in-time query (folding the stored events up
 * to an instant) go through {@link #apply}, so "now" and "as of now" cannot disagree.
 * <p>
 * An event whose sequence number is not above {@link #version()} has been applied already and changes nothing:
 * that is what makes redelivery harmless. Events of one account arrive in sequence order (processors are sequenced
 * by aggregate id); the state never depends on events of other aggregates.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, creatorVisibility = NONE)
final class AccountState implements FoldedState {

    private String accountId;
    private String organization;
    private String organizationId;
    private String country;
    private Tier tier;
    private Instant registeredAt;
    private long version = -1;
    private int violationCount;
    /**
     * The violations folded so far. Not part of the stored document: an account may collect thousands (one bulk
     * intake), and rewriting them with every event would make intake quadratic. The projection keeps them as rows
     * of {@code account_violation} instead, each made by {@link #violationOf}; a point-in-time fold keeps them here.
     */
    @JsonIgnore
    private List<AccountViolation> violations = new ArrayList<>();
    private List<AccountAction> actions = new ArrayList<>();
    private List<PendingApproval> pending = new ArrayList<>();
    private List<AccountAppeal> appeals = new ArrayList<>();

    AccountState() {
    }

    /**
     * Applies one event of this account: its payload, sequence number, timestamp and actor.
     *
     * @return false when the event had been applied before and nothing changed
     */
    @Override
    public boolean apply(StoredHistory.Step step) {
        if (step.sequence() <= version) {
            return false;
        }
        version = step.sequence();
        Object event = step.payload();
        long sequence = step.sequence();
        Instant at = step.at();
        String actor = step.actor();
        if (event instanceof AccountRegisteredEvent e) {
            accountId = e.accountId();
            organization = e.organization();
            organizationId = e.organizationId();
            country = e.country();
            tier = e.tier();
            registeredAt = at;
        } else if (event instanceof ViolationRecordedEvent e) {
            // the write side records a violation id once only, and redelivery stops at the version check above
            violations.add(violationOf(e, at));
            violationCount++;
        } else if (event instanceof AccountFlaggedEvent e) {
            actions.add(new AccountAction(FlagIds.of(sequence), ActionKind.FLAG, null, e.reason(), actor, null, at, null,
                    ActionState.ACTIVE, null, null, null,
                    e.violationIds() == null ? List.of() : List.copyOf(e.violationIds()), null));
        } else if (event instanceof AccountUnflaggedEvent e) {
            end(a -> a.kind() == ActionKind.FLAG, ActionState.LIFTED, at, actor, e.reason());
        } else if (event instanceof AccountRestrictedEvent e) {
            impose(e.restrictionId(), ActionKind.RESTRICT, e.kind(), e.reason(), actor, null, at, e.expiresAt(),
                    e.grounds());
        } else if (event instanceof RestrictionLiftedEvent e) {
            end(a -> a.actionId().equals(e.restrictionId()), ActionState.LIFTED, at, actor, e.reason());
        } else if (event instanceof EnforcementProposedEvent e) {
            // a proposal of a kind already pending is only accepted after the earlier one expired: it replaces it
            pending.removeIf(p -> p.kind() == e.kind());
            EnforcementGrounds grounds = grounds(e.grounds());
            pending.add(new PendingApproval(e.actionId(), e.kind(), e.reason(), grounds.violationIds(),
                    grounds.caseId(), e.proposedBy(), at, e.expiresAt()));
        } else if (event instanceof EnforcementApprovedEvent e) {
            pending.removeIf(p -> p.actionId().equals(e.actionId()));
        } else if (event instanceof EnforcementRejectedEvent e) {
            pending.removeIf(p -> p.actionId().equals(e.actionId()));
        } else if (event instanceof EnforcementExpiredEvent e) {
            pending.removeIf(p -> p.actionId().equals(e.actionId()));
        } else if (event instanceof AccountSuspendedEvent e) {
            pending.removeIf(p -> p.actionId().equals(e.actionId()));
            impose(e.actionId(), ActionKind.SUSPEND, null, e.reason(), e.suspendedBy(), e.approvedBy(), at, null,
                    e.grounds());
        } else if (event instanceof AccountBannedEvent e) {
            pending.removeIf(p -> p.actionId().equals(e.actionId()));
            impose(e.actionId(), ActionKind.BAN, null, e.reason(), e.proposedBy(), e.approvedBy(), at, null,
                    e.grounds());
        } else if (event instanceof AccountReinstatedEvent e) {
            ActionState ended = e.cause() == ReinstatementCause.APPEAL_OVERTURNED ? ActionState.OVERTURNED : ActionState.ENDED;
            end(a -> e.endedActionIds().contains(a.actionId()), ended, at, actor, e.reason());
        } else if (event instanceof AppealFiledEvent e) {
            appeals.add(new AccountAppeal(e.appealId(), e.contestedActionId(), e.contestedAction(), e.statement(), at,
                    null, null, null, null));
        } else if (event instanceof AppealDecidedEvent e) {
            appeals.replaceAll(a -> a.appealId().equals(e.appealId())
                    ? new AccountAppeal(a.appealId(), a.contestedActionId(), a.contestedAction(), a.statement(),
                    a.filedAt(), e.outcome(), e.decidedBy(), at, e.reason())
                    : a);
        }
        // any other account event is not shown, but still counts towards the version
        return true;
    }

    /** The precedence rule shared with the write side, over the actions in force. */
    AccountStatus status() {
        return AccountStatus.derive(inForce(ActionKind.BAN), inForce(ActionKind.SUSPEND),
                inForce(ActionKind.RESTRICT), inForce(ActionKind.FLAG));
    }

    boolean exists() {
        return accountId != null;
    }

    @Override
    public long version() {
        return version;
    }

    String accountId() {
        return accountId;
    }

    String organization() {
        return organization;
    }

    String organizationId() {
        return organizationId;
    }

    String country() {
        return country;
    }

    Tier tier() {
        return tier;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    int violationCount() {
        return violationCount;
    }

    int activeActions() {
        return (int) actions.stream().filter(a -> a.state() == ActionState.ACTIVE).count();
    }

    /**
     * The view of this state.
     *
     * @param violations the account's violations: {@link #foldedViolations()} for a fold, the stored rows for the
     *                   read model
     * @param cases      the cases the account was linked to at the time of the view
     * @param reference  the instant against which proposals are judged: a proposal past its expiry no longer
     *                   awaits a decision (now for the current view, the instant itself for a point in time)
     * @param asOf       the instant of a point-in-time view, or null
     */
    AccountView toView(List<AccountViolation> violations, List<AccountCaseLink> cases, Instant reference, Instant asOf) {
        List<PendingApproval> awaiting = pending.stream().filter(p -> !reference.isAfter(p.expiresAt())).toList();
        return new AccountView(accountId, organization, organizationId, country, tier, status(), version,
                registeredAt, asOf, List.copyOf(violations), List.copyOf(actions), cases, awaiting,
                List.copyOf(appeals));
    }

    /** The one mapping of a recorded violation to what the account view shows of it. */
    static AccountViolation violationOf(ViolationRecordedEvent e, Instant recordedAt) {
        return new AccountViolation(e.violationId(), e.category(), e.policy(), e.severity(), e.detectedAt(),
                recordedAt, e.evidence() == null ? null : e.evidence().detector(),
                e.evidence() == null ? null : e.evidence().summary());
    }

    /** The violations of a fold from the first event; empty for a state read back from its document. */
    List<AccountViolation> foldedViolations() {
        return List.copyOf(violations);
    }

    private boolean inForce(ActionKind kind) {
        return actions.stream().anyMatch(a -> a.kind() == kind && a.state() == ActionState.ACTIVE);
    }

    private void impose(String actionId, ActionKind kind, RestrictionKind restrictionKind, String reason,
                        String by, String approvedBy, Instant at, Instant expiresAt, EnforcementGrounds cited) {
        if (actions.stream().anyMatch(a -> a.actionId().equals(actionId))) {
            return;
        }
        EnforcementGrounds grounds = grounds(cited);
        actions.add(new AccountAction(actionId, kind, restrictionKind, reason, by, approvedBy, at, expiresAt,
                ActionState.ACTIVE, null, null, null, grounds.violationIds(), grounds.caseId()));
    }

    private void end(Predicate<AccountAction> which, ActionState endState, Instant at, String by, String reason) {
        actions.replaceAll(a -> a.state() == ActionState.ACTIVE && which.test(a)
                ? new AccountAction(a.actionId(), a.kind(), a.restrictionKind(), a.reason(), a.imposedBy(),
                a.approvedBy(), a.imposedAt(), a.expiresAt(), endState, at, by, reason, a.violationIds(), a.caseId())
                : a);
    }

    private static EnforcementGrounds grounds(EnforcementGrounds grounds) {
        return grounds == null ? new EnforcementGrounds(List.of(), null) : grounds;
    }
}
