package io.warden.api.queries;

import io.warden.api.types.CaseOutcome;

import java.time.Instant;

/** How and by whom a case was closed. */
public record CaseResolution(CaseOutcome outcome, String summary, String resolvedBy, Instant resolvedAt) {
}
