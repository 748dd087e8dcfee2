package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A case was opened in tier T1_TRIAGE. */
@Revision("1")
public record CaseOpenedEvent(String caseId, String title, CaseCategory category, Severity severity, String summary, CaseTier tier, String openedBy) {
}
