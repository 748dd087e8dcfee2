package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A second person rejected a proposed action; nothing was enforced. */
@Revision("1")
public record EnforcementRejectedEvent(String accountId, String actionId, ActionKind kind, String proposedBy, String rejectedBy, String comment) {
}
