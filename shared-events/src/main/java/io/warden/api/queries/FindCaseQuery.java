package io.warden.api.queries;

import java.time.Instant;

/**
 * One case now ({@code asOf} null) or as it was at {@code asOf}, with page {@code linkedPage} (size
 * {@code linkedSize}) of its linked account ids. Answers a {@link CaseView} or null.
 */
public record FindCaseQuery(String caseId, Instant asOf, int linkedPage, int linkedSize) {
}
