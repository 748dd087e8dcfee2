package io.warden.api.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/**
 * The direct stake of {@code ownerOrganizationId} in {@code organizationId} changed; {@code percent} 0 means the
 * stake was removed. {@code ownerHeadquartersCountry} is carried so a projection never has to look the owner up.
 */
@Revision("1")
public record OwnershipStakeChangedEvent(String organizationId, String ownerOrganizationId,
                                         String ownerHeadquartersCountry, BigDecimal percent,
                                         BigDecimal previousPercent) {
}
