package io.warden.command.support;

import io.warden.api.types.ReferredViolation;
import io.warden.command.cases.ReferralLookups;
import io.warden.command.lookup.CommandSideLookups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Export-control violations in a list, joined with the case links of {@link InMemoryCommandSideLookups}. */
public final class InMemoryReferralLookups implements ReferralLookups {

    private final List<ReferredViolation> violations = new ArrayList<>();
    private final CommandSideLookups links;

    public InMemoryReferralLookups(CommandSideLookups links) {
        this.links = links;
    }

    @Override
    public List<ReferredViolation> exportControlViolationsOfCase(String caseId) {
        return violations.stream()
                .filter(v -> links.isLinkedToCase(v.accountId(), caseId))
                .sorted(Comparator.comparing(ReferredViolation::accountId).thenComparing(ReferredViolation::violationId))
                .toList();
    }

    @Override
    public void exportControlViolationRecorded(String accountId, String violationId, String policy) {
        violations.add(new ReferredViolation(violationId, accountId, policy));
    }
}
