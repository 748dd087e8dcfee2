package io.warden.command.organization;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Sets the direct stake of {@code ownerOrganizationId} in {@code organizationId}, in percent; 0 removes it. */
public record SetOwnershipStakeCommand(@TargetAggregateIdentifier String organizationId, String ownerOrganizationId,
                                       BigDecimal percent) {
}
