package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An account was suspended; {@code approvedBy} is set when a second person approved it. */
@Revision("1")
public record AccountSuspendedEvent(String accountId, String actionId, String reason, EnforcementGrounds grounds, String suspendedBy, String approvedBy) {
}
