package io.warden.api.queries;

import java.util.List;

/** A page of audit entries in event order (concrete, not a generic page: Axon matches the declared type). */
public record AuditTrailPage(List<AuditEntryView> items, int page, int size, long totalItems) {
}
