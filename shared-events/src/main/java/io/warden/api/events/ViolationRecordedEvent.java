package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A detector or a person reported a violation on an account. */
@Revision("1")
public record ViolationRecordedEvent(String accountId, String violationId, ViolationCategory category, String policy, Severity severity, Instant detectedAt, Evidence evidence) {
}
