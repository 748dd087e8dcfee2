package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An appeal was decided; OVERTURNED is followed by the account's reinstatement. */
@Revision("1")
public record AppealDecidedEvent(String accountId, String appealId, String contestedActionId, AppealOutcome outcome, String reason, String decidedBy) {
}
