package io.warden.api.queries;

import io.warden.api.types.CaseTier;

import java.time.Instant;

/** One step up the tiers, with its reason. */
public record CaseEscalation(CaseTier fromTier, CaseTier toTier, String reason, String escalatedBy, Instant escalatedAt) {
}
