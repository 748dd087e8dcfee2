package io.warden.api.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The share held from unsupported regions fell to 50% or below: restriction episode {@code restriction} ended. */
@Revision("1")
public record OrganizationRestrictionEndedEvent(String organizationId, double share, List<List<String>> controlPaths,
                                                int restriction) {
}
