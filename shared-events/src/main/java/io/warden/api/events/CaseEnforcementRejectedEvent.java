package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A second person rejected a pending takedown; no account was touched. */
@Revision("1")
public record CaseEnforcementRejectedEvent(String caseId, String enforcementId, ActionKind action, String requestedBy, String rejectedBy, String comment) {
}
