package io.warden.api.queries;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.Tier;

/** Accounts matching every filter that is not null; {@code caseId} keeps the accounts linked to that case. */
public record FindAccountsQuery(AccountStatus status, String country, Tier tier, String caseId, int page, int size) {
}
