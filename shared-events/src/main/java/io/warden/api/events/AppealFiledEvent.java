package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An appeal against the account's suspension or ban was filed. */
@Revision("1")
public record AppealFiledEvent(String accountId, String appealId, String contestedActionId, ActionKind contestedAction, String statement) {
}
