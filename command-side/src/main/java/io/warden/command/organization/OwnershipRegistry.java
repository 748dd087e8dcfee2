package io.warden.command.organization;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ownership graph across organizations, in tables owned by the command side and written by
 * {@link OwnershipGraphMaintainer} in the transaction of the events that change it. One organization's aggregate
 * knows only its own owners; effective control needs the whole graph.
 */
public interface OwnershipRegistry {

    Optional<String> headquartersOf(String organizationId);

    /** Direct owners of {@code organizationId} with their stakes in percent. */
    Map<String, BigDecimal> ownersOf(String organizationId);

    /** Organizations in which {@code ownerOrganizationId} holds a direct stake. */
    Set<String> holdingsOf(String ownerOrganizationId);

    void organizationRegistered(String organizationId, String name, String headquartersCountry);

    void stakeChanged(String organizationId, String ownerOrganizationId, BigDecimal percent);
}
