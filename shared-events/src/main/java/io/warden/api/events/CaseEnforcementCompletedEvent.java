package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Every account of a takedown was handled; the case is OPEN again. {@code total} is done + skipped + failed. */
@Revision("1")
public record CaseEnforcementCompletedEvent(String caseId, String enforcementId, ActionKind action, long total, long done, long skipped, long failed) {
}
