package io.warden.api.queries;

import io.warden.api.types.ViolationCategory;

/**
 * Violations matching every filter that is not null. {@code unactioned} true keeps those no restriction,
 * suspension or ban cites by id; false keeps those one does.
 */
public record FindViolationsQuery(Boolean unactioned, ViolationCategory category, String policy, String accountId,
                                  int page, int size) {
}
