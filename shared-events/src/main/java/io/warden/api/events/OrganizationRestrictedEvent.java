package io.warden.api.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An organization became more than 50% owned, directly or indirectly, by organizations headquartered in
 * unsupported regions, and so is restricted wherever it operates. {@code restriction} counts these episodes
 * (1, 2, …) so each one gives the organization's accounts exactly one FOREIGN_CONTROL violation.
 */
@Revision("1")
public record OrganizationRestrictedEvent(String organizationId, double share, List<List<String>> controlPaths,
                                          int restriction) {
}
