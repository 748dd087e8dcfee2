package io.warden.api.events;

import io.warden.api.types.ActionKind;
import org.axonframework.serialization.Revision;

/**
 * The first enforcement action citing the case was taken (on {@code accountId}, action {@code actionId}); it ends the
 * case's SLA. Later actions citing the case record nothing on the case.
 */
@Revision("1")
public record CaseFirstEnforcedEvent(String caseId, String accountId, String actionId, ActionKind kind) {
}
