package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An action that needs a second person's approval was proposed; it expires at {@code expiresAt}. */
@Revision("1")
public record EnforcementProposedEvent(String accountId, String actionId, ActionKind kind, String reason, EnforcementGrounds grounds, String proposedBy, Instant expiresAt) {
}
