package io.warden.command.organization;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ownership graph in memory, for tests. */
final class InMemoryOwnershipRegistry implements OwnershipRegistry {

    private final Map<String, String> headquarters = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> owners = new HashMap<>();

    InMemoryOwnershipRegistry org(String id, String country) {
        organizationRegistered(id, id, country);
        return this;
    }

    InMemoryOwnershipRegistry stake(String owner, String owned, double percent) {
        stakeChanged(owned, owner, BigDecimal.valueOf(percent));
        return this;
    }

    @Override
    public Optional<String> headquartersOf(String organizationId) {
        return Optional.ofNullable(headquarters.get(organizationId));
    }

    @Override
    public Map<String, BigDecimal> ownersOf(String organizationId) {
        return owners.getOrDefault(organizationId, Map.of());
    }

    @Override
    public Set<String> holdingsOf(String ownerOrganizationId) {
        Set<String> held = new LinkedHashSet<>();
        owners.forEach((owned, stakes) -> {
            if (stakes.containsKey(ownerOrganizationId)) {
                held.add(owned);
            }
        });
        return held;
    }

    @Override
    public void organizationRegistered(String organizationId, String name, String headquartersCountry) {
        headquarters.put(organizationId, headquartersCountry);
    }

    @Override
    public void stakeChanged(String organizationId, String ownerOrganizationId, BigDecimal percent) {
        Map<String, BigDecimal> stakes = owners.computeIfAbsent(organizationId, k -> new LinkedHashMap<>());
        if (percent.signum() == 0) {
            stakes.remove(ownerOrganizationId);
        } else {
            stakes.put(ownerOrganizationId, percent);
        }
    }
}
