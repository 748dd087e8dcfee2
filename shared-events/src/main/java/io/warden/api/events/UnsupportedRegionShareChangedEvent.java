package io.warden.api.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The effective share of an organization held from unsupported regions changed without crossing the control
 * threshold. {@code share} is in percent; each control path runs from an owner headquartered in an unsupported
 * region down to this organization.
 */
@Revision("1")
public record UnsupportedRegionShareChangedEvent(String organizationId, double share, List<List<String>> controlPaths,
                                                 boolean restricted) {
}
