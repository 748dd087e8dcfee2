package io.warden.api.queries;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementDecisionType;
import io.warden.api.types.RestrictionKind;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the enforcement feed.
 *
 * @param position        the feed's cursor: strictly increasing in the order gateways must apply the entries
 * @param globalIndex     the event's global index in the event store
 * @param actionId        the action the decision is about: the restriction id, or the suspension or ban's action id
 * @param kind            the kind of that action (for REINSTATED: SUSPEND or BAN ended, when known)
 * @param statusAfter     the account's status once this decision is applied
 * @param restrictionKind for RESTRICTED and RESTRICTION_LIFTED
 * @param expiresAt       for RESTRICTED: when the restriction ends by itself, if it does
 * @param endedActionIds  for REINSTATED: the actions it ended
 */
public record EnforcementDecision(long position, long globalIndex, String eventId, EnforcementDecisionType type,
                                  String accountId, String actionId, ActionKind kind, AccountStatus statusAfter,
                                  Instant occurredAt, RestrictionKind restrictionKind, Instant expiresAt,
                                  List<String> endedActionIds) {
}
