package io.warden.api.queries;

import java.time.Instant;

/** A note on a case. */
public record CaseNote(String noteId, String text, String author, Instant addedAt) {
}
