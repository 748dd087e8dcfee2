package io.warden.api.queries;

import java.time.Instant;

/** One account as it is now ({@code asOf} null), or as it was at {@code asOf}. Answers an {@link AccountView} or null. */
public record FindAccountQuery(String accountId, Instant asOf) {
}
