package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A restriction on an account was lifted. */
@Revision("1")
public record RestrictionLiftedEvent(String accountId, String restrictionId, RestrictionKind kind, String reason) {
}
