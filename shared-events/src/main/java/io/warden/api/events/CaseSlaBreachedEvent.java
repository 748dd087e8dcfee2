package io.warden.api.events;

import io.warden.api.types.Severity;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A case reached its SLA deadline with no enforcement citing it and no resolution. */
@Revision("1")
public record CaseSlaBreachedEvent(String caseId, Severity severity, Instant deadline, Instant openedAt) {
}
