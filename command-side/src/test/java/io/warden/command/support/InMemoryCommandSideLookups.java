package io.warden.command.support;

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
}
