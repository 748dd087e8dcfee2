package io.warden.command.cases;

import io.warden.api.types.CaseTier;
import io.warden.command.common.CommandRefusedException;

/** A case moves only up the tiers, one or more at a time; it never goes back down. */
final class EscalationPolicy {

    void requireUpward(String caseId, CaseTier current, CaseTier target) {
        if (target.isAbove(current)) {
            return;
        }
        CaseTier highest = CaseTier.values()[CaseTier.values().length - 1];
        String advice = current == highest
                ? "it is the highest tier"
                : "choose a tier above " + current;
        throw new CommandRefusedException("Case " + caseId + " is already at " + current
                + "; escalation only goes up, and " + advice);
    }
}
