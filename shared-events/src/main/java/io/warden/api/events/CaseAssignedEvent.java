package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A case was assigned to a person. */
@Revision("1")
public record CaseAssignedEvent(String caseId, String assignee, String previousAssignee) {
}
