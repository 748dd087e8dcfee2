package io.warden.api.queries;

/** Feed entries with a position greater than {@code after}, oldest first, at most {@code limit}. */
public record FindEnforcementDecisionsQuery(long after, int limit) {
}
