package io.warden.api.queries;

import java.util.List;

/**
 * A page of proposals. Pages are concrete records rather than one generic {@code Page<T>}: Axon matches a query's
 * response type against the handler's declared return type, and a parameterised return type does not match.
 */
public record ApprovalPage(List<ApprovalSummary> items, int page, int size, long totalItems) {
}
