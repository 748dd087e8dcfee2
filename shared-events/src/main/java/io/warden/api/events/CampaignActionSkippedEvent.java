package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A campaign takedown left this account as it was, for {@code reason} (already banned, already suspended, ...), so that its own trail says why. */
@Revision("1")
public record CampaignActionSkippedEvent(String accountId, String caseId, String enforcementId, ActionKind action, String reason) {
}
