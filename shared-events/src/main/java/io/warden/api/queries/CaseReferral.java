package io.warden.api.queries;

import java.time.Instant;

/** The external referral of a case escalated to T4: its id, when and by whom, and how many violations it attached. */
public record CaseReferral(String referralId, Instant referredAt, String referredBy, int violationCount) {
}
