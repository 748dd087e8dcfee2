package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An account was banned after a second person approved the proposal. */
@Revision("1")
public record AccountBannedEvent(String accountId, String actionId, String reason, EnforcementGrounds grounds, String proposedBy, String approvedBy) {
}
