package io.warden.api.queries;

import java.util.List;

/** A page of a list, as every list endpoint of the API answers it. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
}
