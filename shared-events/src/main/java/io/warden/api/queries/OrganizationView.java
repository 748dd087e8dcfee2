package io.warden.api.queries;

import io.warden.api.types.OwnerStake;

import java.util.List;

/**
 * An organization as analysts read it. {@code unsupportedRegionShare} is in percent; {@code controlPaths} run from an
 * owner headquartered in an unsupported region down to this organization. {@code version} is the aggregate's
 * sequence number this view reflects.
 */
public record OrganizationView(String organizationId, String name, String headquartersCountry, List<OwnerStake> owners,
                               double unsupportedRegionShare, boolean restricted, List<List<String>> controlPaths,
                               long version) {
}
