package io.warden.api.queries;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The outcome of a verification of the audit chain.
 *
 * @param valid                every checked entry matches its stored event and its link, and the expected head (if
 *                             given) matches
 * @param checkedEntries       audit entries compared with their stored events
 * @param firstInvalidPosition the first position at which the stored events and the chain disagree (absent if valid)
 * @param reason               what was found there, in a sentence (absent if valid)
 * @param headPosition         position of the last checked entry
 * @param headHash             its hash, as recomputed from the stored events
 * @param pendingEvents        stored events the trail does not hold yet: committed after the projection's latest
 *                             batch, or late below it, within the grace for late commits
 * @param expectedHeadMatched  whether the given head matched (absent if none was given)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean valid, long checkedEntries, Long firstInvalidPosition, String reason,
                                Long headPosition, String headHash, long pendingEvents, Boolean expectedHeadMatched,
                                Instant checkedAt) {
}
