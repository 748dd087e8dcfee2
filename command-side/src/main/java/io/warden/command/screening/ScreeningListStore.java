package io.warden.command.screening;

import java.util.List;
import java.util.Optional;

/**
 * The entries of every imported list version, keyed by import id, in a table owned by the command side. Entries are
 * reference data, not events: {@link ScreeningList} writes them in the transaction of the import's event, and
 * {@link ScreeningListMaintainer} moves the "active import" pointer in that same transaction, so a new version
 * becomes active atomically or not at all.
 */
public interface ScreeningListStore {

    void storeEntries(String importId, List<ListEntry> entries);

    void importRecorded(ImportRecord record);

    Optional<String> activeImportId(String listId);

    List<ListEntry> entries(String importId);

    /** Every import of {@code listId}, newest first. */
    List<ImportRecord> imports(String listId);

    /**
     * @param rows     entries accepted
     * @param rejected rows skipped
     */
    record ImportRecord(String listId, String importId, String source, int rows, int rejected, String checksum,
                        String importedBy, java.time.Instant importedAt, boolean active) {
    }
}
