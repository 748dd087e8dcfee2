package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A case moved to a higher tier. */
@Revision("1")
public record CaseEscalatedEvent(String caseId, CaseTier fromTier, CaseTier toTier, String reason) {
}
