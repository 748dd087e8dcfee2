package io.warden.api.queries;

/** One organization with its owners and its assessed control, or empty when the read model does not know it. */
public record FindOrganizationQuery(String organizationId) {
}
