package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Accounts were linked to a case; lists only accounts that were not linked before. */
@Revision("1")
public record AccountsLinkedToCaseEvent(String caseId, List<String> accountIds, int totalLinked) {
}
