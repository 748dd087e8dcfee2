package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A case was closed with an outcome. */
@Revision("1")
public record CaseResolvedEvent(String caseId, CaseOutcome outcome, String summary, String resolvedBy) {
}
