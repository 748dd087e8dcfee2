package io.warden.api.events;

import io.warden.api.types.ReferredViolation;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A case escalated to T4_EXTERNAL_REFERRAL was referred outside, with the export-control violations of its linked
 * accounts as they stood at that moment: what was referred is what this event lists.
 */
@Revision("1")
public record CaseReferredExternallyEvent(String caseId, String referralId, String reason,
                                          List<ReferredViolation> violations) {

    public CaseReferredExternallyEvent {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
