package io.warden.api.queries;

import java.util.List;

/** A page of accounts, ordered by account id. */
public record AccountPage(List<AccountSummary> items, int page, int size, long totalItems) {
}
