package io.warden.command.organization;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an organization; the same data again is a no-op, different data is refused. */
public record RegisterOrganizationCommand(@TargetAggregateIdentifier String organizationId, String name,
                                          String headquartersCountry) {
}
