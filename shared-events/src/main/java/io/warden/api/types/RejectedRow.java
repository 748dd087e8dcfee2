package io.warden.api.types;

/** A row of an imported list that was skipped: its physical line in the file (the header is line 1) and why. */
public record RejectedRow(long line, String reason) {
}
