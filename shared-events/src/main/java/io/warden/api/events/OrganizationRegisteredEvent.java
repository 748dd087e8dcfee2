package io.warden.api.events;

import org.axonframework.serialization.Revision;

/** An organization (a customer's company, or one that owns such a company) became known to Warden. */
@Revision("1")
public record OrganizationRegisteredEvent(String organizationId, String name, String headquartersCountry) {
}
