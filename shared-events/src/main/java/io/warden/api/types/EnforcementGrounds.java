package io.warden.api.types;

import java.util.List;

/**
 * Why an enforcement action is taken: violations recorded on the account, a case the account is linked to, or
 * both. Nothing is enforced without at least one of them.
 */
public record EnforcementGrounds(List<String> violationIds, String caseId) {

    public EnforcementGrounds {
        violationIds = violationIds == null ? List.of() : List.copyOf(violationIds);
    }

    public static EnforcementGrounds ofViolations(List<String> violationIds) {
        return new EnforcementGrounds(violationIds, null);
    }

    public static EnforcementGrounds ofCase(String caseId) {
        return new EnforcementGrounds(List.of(), caseId);
    }

    public boolean citesNothing() {
        return violationIds.isEmpty() && (caseId == null || caseId.isBlank());
    }
}
