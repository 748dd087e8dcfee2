package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An account was marked for attention, optionally citing violations. */
@Revision("1")
public record AccountFlaggedEvent(String accountId, String reason, List<String> violationIds) {
}
