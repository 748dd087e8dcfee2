package io.warden.api.events;

import io.warden.api.types.ActionKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A proposed action was neither approved nor rejected before {@code expiredAt}; it can no longer be approved. */
@Revision("1")
public record EnforcementExpiredEvent(String accountId, String actionId, ActionKind kind, String proposedBy,
                                      Instant expiredAt) {
}
