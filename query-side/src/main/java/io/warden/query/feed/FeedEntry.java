package io.warden.query.feed;

import io.warden.api.queries.EnforcementDecision;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementDecisionType;
import io.warden.api.types.RestrictionKind;
import io.warden.query.support.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One decision in force, as gateways read it. Written once, never changed. {@link Persistable}, so that saving a new
 * entry is an insert and not a merge (which would first look for a row with its position).
 */
@Entity
@Table(name = "enforcement_feed")
class FeedEntry extends NewUntilStored<Long> {


    @Id
    @Column(name = "position")
    private long position;
    @Column(name = "global_index", nullable = false)
    private long globalIndex;
    @Column(name = "event_id", nullable = false)
    private String eventId;
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private EnforcementDecisionType type;
    @Column(name = "account_id", nullable = false)
    private String accountId;
    @Column(name = "action_id")
    private String actionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private ActionKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false)
    private AccountStatus statusAfter;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "restriction_kind")
    private RestrictionKind restrictionKind;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "ended_action_ids")
    private String endedActionIds;

    protected FeedEntry() {
    }

    FeedEntry(long position, long globalIndex, String eventId, EnforcementDecisionType type, String accountId,
              String actionId, ActionKind kind, AccountStatus statusAfter, Instant occurredAt,
              RestrictionKind restrictionKind, Instant expiresAt, List<String> endedActionIds) {
        markNew();
        this.position = position;
        this.globalIndex = globalIndex;
        this.eventId = eventId;
        this.type = type;
        this.accountId = accountId;
        this.actionId = actionId;
        this.kind = kind;
        this.statusAfter = statusAfter;
        this.occurredAt = occurredAt;
        this.restrictionKind = restrictionKind;
        this.expiresAt = expiresAt;
        this.endedActionIds = endedActionIds == null ? null : String.join(",", endedActionIds);
    }

    EnforcementDecision toDecision() {
        List<String> ended = endedActionIds == null ? null
                : endedActionIds.isEmpty() ? List.of() : Arrays.asList(endedActionIds.split(","));
        return new EnforcementDecision(position, globalIndex, eventId, type, accountId, actionId, kind, statusAfter,
                occurredAt, restrictionKind, expiresAt, ended);
    }

    @Override
    public Long getId() {
        return position;
    }

}
