package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A campaign takedown of every account linked to the case was requested; over the threshold, or for a ban, it waits for a second person's approval ({@code approvalRequired}). */
@Revision("1")
public record CaseEnforcementRequestedEvent(String caseId, String enforcementId, ActionKind action, String reason, long total, String requestedBy, boolean approvalRequired) {
}
