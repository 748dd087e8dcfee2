package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A second person approved a proposed action; the action's own event follows. */
@Revision("1")
public record EnforcementApprovedEvent(String accountId, String actionId, ActionKind kind, String proposedBy, String approvedBy, String comment) {
}
