package io.warden.api.queries;

import java.util.List;

/** A page of violations, oldest detection first. */
public record ViolationPage(List<ViolationSummary> items, int page, int size, long totalItems) {
}
