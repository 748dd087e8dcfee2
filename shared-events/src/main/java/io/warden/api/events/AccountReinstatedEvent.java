package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A suspension or ban ended; {@code endedActionIds} are the actions it ended. */
@Revision("1")
public record AccountReinstatedEvent(String accountId, String reason, ReinstatementCause cause, List<String> endedActionIds, String appealId) {
}
