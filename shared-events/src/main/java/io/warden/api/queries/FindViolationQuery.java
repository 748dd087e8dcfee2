package io.warden.api.queries;

/** One violation with the actions that cite it. Answers a {@link ViolationView} or null. */
public record FindViolationQuery(String violationId) {
}
