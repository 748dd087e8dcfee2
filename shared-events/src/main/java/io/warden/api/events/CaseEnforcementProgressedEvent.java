package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.util.List;

/** One chunk of a takedown was processed. The counts are the running totals; {@code cursor} is the last account id handled (accounts go in id order); {@code skips} and {@code failures} are this chunk's, capped, with their reasons; {@code finished} when this was the last chunk (the completion follows). */
@Revision("1")
public record CaseEnforcementProgressedEvent(String caseId, String enforcementId, long done, long skipped, long failed, String cursor, List<AccountOutcome> skips, List<AccountOutcome> failures, boolean finished) {
}
