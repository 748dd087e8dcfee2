package io.warden.query.feed;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementDecisionType;
import io.warden.api.types.RestrictionKind;
import io.warden.query.support.BatchAggregates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeps {@code enforcement_feed}: every decision in force, numbered in the order this processor handles it. The
 * processor runs as one segment (see {@code warden.processors.overrides.enforcement-feed}), so positions follow the
 * event store's order and each account's status after a decision is computed from everything before it. Without
 * dead letters: a failure halts the feed rather than letting a later decision overtake a parked one. A redelivered
 * event (same event id) changes nothing.
 */
@Component
@ProcessingGroup(EnforcementFeedProjection.PROCESSING_GROUP)
class EnforcementFeedProjection {

    static final String PROCESSING_GROUP = "enforcement-feed";

    private static final String LAST_POSITION = EnforcementFeedProjection.class.getName() + ".lastPosition";
    private static final String BATCH_READS = EnforcementFeedProjection.class.getName() + ".batchReads";

    private final FeedEntryRepository feed;
    private final FeedAccountStateRepository accounts;

    EnforcementFeedProjection(FeedEntryRepository feed, FeedAccountStateRepository accounts) {
        this.feed = feed;
        this.accounts = accounts;
    }

    @EventHandler
    void on(AccountFlaggedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        record(eventId, token, at, event.accountId(), EnforcementDecisionType.FLAGGED, null, ActionKind.FLAG, null, null, null,
                FeedAccountState::flag);
    }

    @EventHandler
    void on(AccountUnflaggedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        record(eventId, token, at, event.accountId(), EnforcementDecisionType.UNFLAGGED, null, ActionKind.FLAG, null, null, null,
                FeedAccountState::unflag);
    }

    @EventHandler
    void on(AccountRestrictedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        record(eventId, token, at, event.accountId(), EnforcementDecisionType.RESTRICTED, event.restrictionId(),
                ActionKind.RESTRICT, event.kind(), event.expiresAt(), null, state -> state.restrict(event.restrictionId()));
    }

    @EventHandler
    void on(RestrictionLiftedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        record(eventId, token, at, event.accountId(), EnforcementDecisionType.RESTRICTION_LIFTED, event.restrictionId(),
                ActionKind.RESTRICT, event.kind(), null, null, state -> state.liftRestriction(event.restrictionId()));
    }

    @EventHandler
    void on(AccountSuspendedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        record(eventId, token, at, event.accountId(), EnforcementDecisionType.SUSPENDED, event.actionId(),
                ActionKind.SUSPEND, null, null, null, state -> state.suspend(event.actionId()));
    }

    @EventHandler
    void on(AccountBannedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        record(eventId, token, at, event.accountId(), EnforcementDecisionType.BANNED, event.actionId(),
                ActionKind.BAN, null, null, null, state -> state.ban(event.actionId()));
    }

    @EventHandler
    void on(AccountReinstatedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant at) {
        if (recorded(eventId)) {
            return;
        }
        FeedAccountState state = stateOf(event.accountId());
        List<String> ended = event.endedActionIds();
        ActionKind endedKind = ended.stream().anyMatch(state::isBan) ? ActionKind.BAN
                : ended.stream().anyMatch(state::isSuspension) ? ActionKind.SUSPEND : null;
        String actionId = ended.isEmpty() ? null : ended.get(0);
        state.reinstate(ended);
        append(eventId, token, at, event.accountId(), EnforcementDecisionType.REINSTATED, actionId, endedKind, state,
                null, null, ended);
    }

    private void record(String eventId, TrackingToken token, Instant at, String accountId, EnforcementDecisionType type,
                        String actionId, ActionKind kind, RestrictionKind restrictionKind, Instant expiresAt,
                        List<String> endedActionIds, Consumer<FeedAccountState> decision) {
        if (recorded(eventId)) {
            return;
        }
        FeedAccountState state = stateOf(accountId);
        decision.accept(state);
        append(eventId, token, at, accountId, type, actionId, kind, state, restrictionKind, expiresAt, endedActionIds);
    }

    private void append(String eventId, TrackingToken token, Instant at, String accountId, EnforcementDecisionType type,
                        String actionId, ActionKind kind, FeedAccountState state, RestrictionKind restrictionKind,
                        Instant expiresAt, List<String> endedActionIds) {
        long globalIndex = token == null ? -1 : token.position().orElse(-1);
        feed.save(new FeedEntry(nextPosition(), globalIndex, eventId, type, accountId, actionId, kind,
                state.status(), at, restrictionKind, expiresAt, endedActionIds));
    }

    /**
     * The feed's next position. Read from the table once per processor batch and counted on in memory from there:
     * the batch's own entries are not flushed yet, and asking the table for each event would make Hibernate flush
     * (dirty-check) everything the batch holds once per event. One segment and one thread: nothing else numbers
     * entries meanwhile.
     */
    private long nextPosition() {
        if (!CurrentUnitOfWork.isStarted()) {
            return feed.lastPosition() + 1;
        }
        AtomicLong last = CurrentUnitOfWork.get().root().getOrComputeResource(LAST_POSITION,
                key -> new AtomicLong(feed.lastPosition()));
        return last.incrementAndGet();
    }

    private FeedAccountState stateOf(String accountId) {
        BatchReads reads = batchReads();
        if (reads != null && reads.accountsWithoutState().remove(accountId)) {
            return accounts.save(new FeedAccountState(accountId));
        }
        return accounts.findById(accountId).orElseGet(() -> accounts.save(new FeedAccountState(accountId)));
    }

    /** Whether the event has its entry already (a redelivery). */
    private boolean recorded(String eventId) {
        BatchReads reads = batchReads();
        return reads == null ? feed.existsByEventId(eventId) : reads.recordedEventIds().contains(eventId);
    }

    /**
     * What the batch needs from the tables, read when its first decision comes: which of its events have an entry
     * already, and which of its accounts have no state yet (their first decision is in this batch). Two queries per
     * batch instead of two or three per event; the states that exist are loaded into the persistence context, where
     * {@code findById} finds them.
     */
    private BatchReads batchReads() {
        return BatchAggregates.perBatch(BATCH_READS, () -> {
            Set<String> ids = BatchAggregates.ofCurrentBatch();
            Set<String> withoutState = new HashSet<>(ids);
            accounts.findAllById(ids).forEach(state -> withoutState.remove(state.accountId()));
            List<String> eventIds = BatchAggregates.eventIdsOfCurrentBatch();
            Set<String> recorded = eventIds.isEmpty() ? Set.of() : new HashSet<>(feed.recordedEventIds(eventIds));
            return new BatchReads(recorded, withoutState);
        });
    }

    private record BatchReads(Set<String> recordedEventIds, Set<String> accountsWithoutState) {
    }

    @ResetHandler
    void reset() {
        feed.deleteAllInBatch();
        accounts.deleteAllInBatch();
    }
}
