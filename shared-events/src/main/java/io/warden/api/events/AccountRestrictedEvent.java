package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A restriction was placed on an account, citing its grounds; it may expire at {@code expiresAt}. */
@Revision("1")
public record AccountRestrictedEvent(String accountId, String restrictionId, RestrictionKind kind, String reason, EnforcementGrounds grounds, Instant expiresAt) {
}
