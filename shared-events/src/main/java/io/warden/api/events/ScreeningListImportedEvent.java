package io.warden.api.events;

import io.warden.api.types.RejectedRow;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A restricted-party list was imported and became the active version. The entries themselves are reference data
 * kept beside the import (versioned by {@code importId}), not events; this records what was imported, from where,
 * by whom, what was skipped and the SHA-256 of the bytes as uploaded, so an auditor can tell which list was in force.
 *
 * @param rows     entries accepted into the list
 * @param rejected rows skipped, with their line and reason
 * @param previousImportId the version this one replaced, or null for the first import
 */
@Revision("1")
public record ScreeningListImportedEvent(String listId, String importId, String source, int rows,
                                         List<RejectedRow> rejected, String checksum, String importedBy,
                                         String previousImportId) {
}
