package io.warden.query.violations;

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
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.queries.ActionState;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.WardenMetaData;
import io.warden.query.support.FlagIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the violation read model: every violation, the actions that cite it by id (not through a case), and
 * whether a restriction, suspension or ban has ever cited it ("unactioned" is the compliance gap). A proposal is
 * not an action: a suspension or ban cites only once its own event is recorded, after approval. Every account event
 * moves the account's version here, so {@code minVersion} works after any command.
 */
@Component
@ProcessingGroup(ViolationProjection.PROCESSING_GROUP)
class ViolationProjection {

    static final String PROCESSING_GROUP = "violation-views";

    private static final String VERSIONS = ViolationProjection.class.getName() + ".versions";

    private final ViolationRecords records;

    ViolationProjection(ViolationRecords records) {
        this.records = records;
    }

    @EventHandler
    void on(ViolationRecordedEvent event, DomainEventMessage<?> message) {
        records.recorded(event, message.getTimestamp());
        followed(message);
    }

    @EventHandler
    void on(AccountFlaggedEvent event, DomainEventMessage<?> message) {
        records.cited(event.accountId(), FlagIds.of(message.getSequenceNumber()), ActionKind.FLAG, null, event.reason(),
                actor(message), null, message.getTimestamp(), message.getSequenceNumber(),
                EnforcementGrounds.ofViolations(event.violationIds()));
        followed(message);
    }

    @EventHandler
    void on(AccountUnflaggedEvent event, DomainEventMessage<?> message) {
        records.unflagged(event.accountId(), message.getSequenceNumber(), message.getTimestamp());
        followed(message);
    }

    @EventHandler
    void on(AccountRestrictedEvent event, DomainEventMessage<?> message) {
        records.cited(event.accountId(), event.restrictionId(), ActionKind.RESTRICT, event.kind(), event.reason(),
                actor(message), null, message.getTimestamp(), message.getSequenceNumber(), event.grounds());
        followed(message);
    }

    @EventHandler
    void on(RestrictionLiftedEvent event, DomainEventMessage<?> message) {
        records.ended(event.accountId(), List.of(event.restrictionId()), ActionState.LIFTED, message.getTimestamp());
        followed(message);
    }

    @EventHandler
    void on(AccountSuspendedEvent event, DomainEventMessage<?> message) {
        records.cited(event.accountId(), event.actionId(), ActionKind.SUSPEND, null, event.reason(),
                event.suspendedBy(), event.approvedBy(), message.getTimestamp(), message.getSequenceNumber(),
                event.grounds());
        followed(message);
    }

    @EventHandler
    void on(AccountBannedEvent event, DomainEventMessage<?> message) {
        records.cited(event.accountId(), event.actionId(), ActionKind.BAN, null, event.reason(), event.proposedBy(),
                event.approvedBy(), message.getTimestamp(), message.getSequenceNumber(), event.grounds());
        followed(message);
    }

    @EventHandler
    void on(AccountReinstatedEvent event, DomainEventMessage<?> message) {
        ActionState ended = event.cause() == ReinstatementCause.APPEAL_OVERTURNED ? ActionState.OVERTURNED : ActionState.ENDED;
        records.ended(event.accountId(), event.endedActionIds(), ended, message.getTimestamp());
        followed(message);
    }

    // events that change no violation but move the account's version

    @EventHandler
    void on(AccountRegisteredEvent event, DomainEventMessage<?> message) {
        followed(message);
    }

    @EventHandler
    void on(EnforcementProposedEvent event, DomainEventMessage<?> message) {
        followed(message);
    }

    @EventHandler
    void on(EnforcementApprovedEvent event, DomainEventMessage<?> message) {
        followed(message);
    }

    @EventHandler
    void on(EnforcementRejectedEvent event, DomainEventMessage<?> message) {
        followed(message);
    }

    @EventHandler
    void on(AppealFiledEvent event, DomainEventMessage<?> message) {
        followed(message);
    }

    @EventHandler
    void on(AppealDecidedEvent event, DomainEventMessage<?> message) {
        followed(message);
    }

    @ResetHandler
    void reset() {
        records.clear();
    }

    /**
     * Within a processor's batch the versions are collected and written once per account when the batch commits:
     * a bulk intake of 10,000 violations on one account is then one upsert, not 10,000 on the same row. Outside a
     * unit of work (a handler called directly) the version is written at once.
     */
    private void followed(DomainEventMessage<?> message) {
        if (!CurrentUnitOfWork.isStarted()) {
            records.followed(Map.of(message.getAggregateIdentifier(), message.getSequenceNumber()));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Long> versions = batch.getOrComputeResource(VERSIONS, key -> {
            Map<String, Long> collected = new TreeMap<>();
            batch.onPrepareCommit(u -> records.followed(collected));
            return collected;
        });
        versions.merge(message.getAggregateIdentifier(), message.getSequenceNumber(), Math::max);
    }

    private static String actor(DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get(WardenMetaData.ACTOR);
        return actor == null ? null : actor.toString();
    }
}
