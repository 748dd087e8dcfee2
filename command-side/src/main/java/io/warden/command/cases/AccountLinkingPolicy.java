package io.warden.command.cases;

import io.warden.command.common.InvalidCommandException;
import io.warden.command.lookup.CommandSideLookups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Linking accounts to a case is batched and idempotent: at most {@value #MAX_ACCOUNTS_PER_COMMAND} ids a call,
 * every id a registered account, and only accounts not linked yet (each once) are linked.
 */
final class AccountLinkingPolicy {

    static final int MAX_ACCOUNTS_PER_COMMAND = 10_000;
    static final int NAMED_IN_REFUSAL = 10;

    /** The accounts to link, in the order given, without those already linked and without repeats. */
    List<String> toLink(String caseId, Collection<String> requested, Set<String> alreadyLinked,
                        CommandSideLookups lookups) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidCommandException("accountIds must name at least one account to link to case " + caseId);
        }
        if (requested.size() > MAX_ACCOUNTS_PER_COMMAND) {
            throw new InvalidCommandException("accountIds names " + requested.size() + " accounts; link at most "
                    + MAX_ACCOUNTS_PER_COMMAND + " a call and send the rest in further calls");
        }
        Set<String> fresh = new LinkedHashSet<>();
        for (String accountId : requested) {
            if (accountId == null || accountId.isBlank()) {
                throw new InvalidCommandException("accountIds must not contain blank account ids");
            }
            if (!alreadyLinked.contains(accountId)) {
                fresh.add(accountId);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<String> unregistered = new ArrayList<>(lookups.unregisteredAccounts(fresh));
        if (!unregistered.isEmpty()) {
            unregistered.sort(null);
            List<String> named = unregistered.subList(0, Math.min(NAMED_IN_REFUSAL, unregistered.size()));
            int unnamed = unregistered.size() - named.size();
            throw new InvalidCommandException(unregistered.size() + " of the accounts to link to case " + caseId
                    + (unregistered.size() == 1 ? " is" : " are") + " not registered: " + String.join(", ", named)
                    + (unnamed > 0 ? " and " + unnamed + " more" : "")
                    + "; register them first or leave them out");
        }
        return List.copyOf(fresh);
    }
}
