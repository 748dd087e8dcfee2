package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A takedown started: the case is ENFORCING until it completes. {@code approvedBy} is null when no approval was needed. */
@Revision("1")
public record CaseEnforcementStartedEvent(String caseId, String enforcementId, ActionKind action, String reason, long total, String requestedBy, String approvedBy) {
}
