package io.warden.api.queries;

import java.time.Instant;

/** A case the account is linked to, and since when. */
public record AccountCaseLink(String caseId, Instant linkedAt) {
}
