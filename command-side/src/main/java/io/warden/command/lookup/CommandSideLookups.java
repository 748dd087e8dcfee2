package io.warden.command.lookup;

import io.warden.api.types.ActionKind;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Set-based facts that one aggregate cannot know alone, kept in tables owned by the command side (never a read
 * model). They are written by {@link LookupMaintainer} in the same transaction as the events that establish them.
 */
public interface CommandSideLookups {

    /** Of the given account ids, those that were never registered. */
    Set<String> unregisteredAccounts(Collection<String> accountIds);

    boolean isLinkedToCase(String accountId, String caseId);

    /** The account that owns an approval proposal or an appeal, by its id. */
    Optional<String> accountOwning(String actionOrAppealId);

    void accountRegistered(String accountId);

    void accountsLinked(String caseId, Collection<String> accountIds);

    void ownedByAccount(String actionOrAppealId, String accountId);

    // ---- campaign takedowns

    /** Up to {@code limit} accounts linked to the case, in id order, after {@code afterAccountId} (null: from the first). */
    List<String> accountsLinkedToCase(String caseId, String afterAccountId, int limit);

    long linkedAccountCount(String caseId);

    /** The takedown with this id, whether pending or started. */
    Optional<TakedownRecord> takedown(String enforcementId);

    void takedownRequested(String enforcementId, String caseId, ActionKind action, String requestedBy);

    void takedownStarted(String enforcementId, String approvedBy);
}
