package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A second person approved a pending takedown; its start follows. */
@Revision("1")
public record CaseEnforcementApprovedEvent(String caseId, String enforcementId, ActionKind action, String requestedBy, String approvedBy, String comment) {
}
