package io.warden.command.cases;

import io.warden.api.types.Severity;

import java.time.Instant;

/** The payload of a case's SLA deadline. */
public record CaseSlaDeadline(String caseId, Severity severity, Instant deadline, Instant openedAt) {
}
