package io.warden.api.types;

import java.math.BigDecimal;

/** A direct stake of one organization in another, in percent (0 < percent ≤ 100). */
public record OwnerStake(String ownerOrganizationId, BigDecimal percent) {
}
