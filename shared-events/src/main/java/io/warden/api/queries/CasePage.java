package io.warden.api.queries;

import java.util.List;

/** A page of cases, most recently opened first. */
public record CasePage(List<CaseSummary> items, int page, int size, long totalItems) {
}
