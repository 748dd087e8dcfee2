package io.warden.command.account;

import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.lookup.CommandSideLookups;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Nothing is enforced without a recorded reason: a restriction, suspension or ban cites at least one violation
 * recorded on the account itself, or a case the account is linked to, and every citation must hold.
 */
final class EnforcementGroundsPolicy {

    void requireSound(String accountId, ActionKind action, EnforcementGrounds grounds,
                      Set<String> recordedViolationIds, CommandSideLookups lookups) {
        if (grounds == null || grounds.citesNothing()) {
            throw new CommandRefusedException(describe(action) + " of account " + accountId + " cites no grounds; "
                    + "cite at least one violation recorded on the account or a case the account is linked to");
        }
        requireRecorded(accountId, grounds.violationIds(), recordedViolationIds);
        String caseId = grounds.caseId();
        if (caseId != null && !caseId.isBlank() && !lookups.isLinkedToCase(accountId, caseId)) {
            throw new CommandRefusedException("Account " + accountId + " is not linked to case " + caseId
                    + "; link the account to the case first, or cite violations recorded on the account");
        }
    }

    /** Every cited violation must be one recorded on this account, not on another one, and not an unknown id. */
    void requireRecorded(String accountId, Collection<String> citedViolationIds, Set<String> recordedViolationIds) {
        List<String> foreign = citedViolationIds.stream().filter(id -> !recordedViolationIds.contains(id)).toList();
        if (!foreign.isEmpty()) {
            throw new CommandRefusedException("Violation" + (foreign.size() == 1 ? " " : "s ") + String.join(", ", foreign)
                    + (foreign.size() == 1 ? " is" : " are") + " not recorded on account " + accountId
                    + "; cite only violations recorded on this account");
        }
    }

    private static String describe(ActionKind action) {
        return switch (action) {
            case FLAG -> "A flag";
            case RESTRICT -> "A restriction";
            case SUSPEND -> "A suspension";
            case BAN -> "A ban";
        };
    }
}
