package io.warden.command.support;

import io.warden.api.types.ActionKind;
import io.warden.command.lookup.TakedownRecord;
import java.util.List;
import java.util.TreeSet;

import io.warden.command.lookup.CommandSideLookups;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The lookups as plain maps, for fixture tests; the JDBC implementation is tested against PostgreSQL elsewhere. */
public final class InMemoryCommandSideLookups implements CommandSideLookups {

    private final Set<String> registered = new HashSet<>();
    private final Map<String, Set<String>> accountsByCase = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, TakedownRecord> takedowns = new HashMap<>();

    public InMemoryCommandSideLookups withRegistered(String... accountIds) {
        registered.addAll(Set.of(accountIds));
        return this;
    }

    public InMemoryCommandSideLookups withLink(String caseId, String... accountIds) {
        accountsLinked(caseId, Set.of(accountIds));
        return this;
    }

    @Override
    public Set<String> unregisteredAccounts(Collection<String> accountIds) {
        return accountIds.stream().filter(id -> !registered.contains(id)).collect(Collectors.toSet());
    }

    @Override
    public boolean isLinkedToCase(String accountId, String caseId) {
        return accountsByCase.getOrDefault(caseId, Set.of()).contains(accountId);
    }

    @Override
    public Optional<String> accountOwning(String actionOrAppealId) {
        return Optional.ofNullable(owners.get(actionOrAppealId));
    }

    @Override
    public void accountRegistered(String accountId) {
        registered.add(accountId);
    }

    @Override
    public void accountsLinked(String caseId, Collection<String> accountIds) {
        accountsByCase.computeIfAbsent(caseId, id -> new HashSet<>()).addAll(accountIds);
    }

    @Override
    public void ownedByAccount(String actionOrAppealId, String accountId) {
        owners.put(actionOrAppealId, accountId);
    }

    public InMemoryCommandSideLookups withStartedTakedown(TakedownRecord takedown) {
        takedowns.put(takedown.enforcementId(), takedown);
        return this;
    }

    @Override
    public List<String> accountsLinkedToCase(String caseId, String afterAccountId, int limit) {
        return new TreeSet<>(accountsByCase.getOrDefault(caseId, Set.of())).stream()
                .filter(id -> afterAccountId == null || id.compareTo(afterAccountId) > 0)
                .limit(limit)
                .toList();
    }

    @Override
    public long linkedAccountCount(String caseId) {
        return accountsByCase.getOrDefault(caseId, Set.of()).size();
    }

    @Override
    public Optional<TakedownRecord> takedown(String enforcementId) {
        return Optional.ofNullable(takedowns.get(enforcementId));
    }

    @Override
    public void takedownRequested(String enforcementId, String caseId, ActionKind action, String requestedBy) {
        takedowns.putIfAbsent(enforcementId, new TakedownRecord(enforcementId, caseId, action, requestedBy, null, false));
    }

    @Override
    public void takedownStarted(String enforcementId, String approvedBy) {
        TakedownRecord t = takedowns.get(enforcementId);
        takedowns.put(enforcementId, new TakedownRecord(enforcementId, t.caseId(), t.action(), t.requestedBy(),
                approvedBy, true));
    }
}
