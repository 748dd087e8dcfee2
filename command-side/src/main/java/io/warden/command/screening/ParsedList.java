package io.warden.command.screening;

import io.warden.api.types.RejectedRow;

import java.util.List;

/** What a list file held: the entries accepted, the rows skipped with line and reason, and the file's SHA-256. */
public record ParsedList(List<ListEntry> entries, List<RejectedRow> rejected, String checksum) {
}
