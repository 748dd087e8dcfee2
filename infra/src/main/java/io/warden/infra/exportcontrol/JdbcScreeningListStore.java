package io.warden.infra.exportcontrol;

import io.warden.command.screening.ListEntry;
import io.warden.command.screening.ScreeningListStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link ScreeningListStore} on migration V70's tables, on the connection of the current transaction. */
public class JdbcScreeningListStore implements ScreeningListStore {

    /** The alternative names of an entry never contain a newline (the parser splits them on ";"). */
    private static final String SEPARATOR = "\n";
    private final JdbcTemplate jdbc;

    public JdbcScreeningListStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void storeEntries(String importId, List<ListEntry> entries) {
        jdbc.batchUpdate("""
                        insert into screening_list_entry
                            (import_id, entry_id, source, type, name, alt_names, programs, addresses, countries)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, 1_000, (statement, entry) -> {
            statement.setString(1, importId);
            statement.setString(2, entry.entryId());
            statement.setString(3, entry.source());
            statement.setString(4, entry.type());
            statement.setString(5, entry.name());
            statement.setString(6, String.join(SEPARATOR, entry.altNames()));
            statement.setString(7, entry.programs());
            statement.setString(8, entry.addresses());
            statement.setString(9, String.join(",", entry.countries()));
        });
    }

    @Override
    public void importRecorded(ImportRecord record) {
        jdbc.update("""
                insert into screening_import (import_id, list_id, source, rows, rejected, checksum, imported_by, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                record.importId(), record.listId(), record.source(), record.rows(), record.rejected(), record.checksum(),
                record.importedBy(), Timestamp.from(record.importedAt()));
        jdbc.update("""
                insert into screening_active_list (list_id, import_id) values (?, ?)
                on conflict (list_id) do update set import_id = excluded.import_id""", record.listId(), record.importId());
    }

    @Override
    public Optional<String> activeImportId(String listId) {
        return jdbc.queryForList("select import_id from screening_active_list where list_id = ?", String.class, listId)
                .stream().findFirst();
    }

    @Override
    public List<ListEntry> entries(String importId) {
        return jdbc.query("""
                select entry_id, source, type, name, alt_names, programs, addresses, countries
                from screening_list_entry where import_id = ? order by entry_id""", (row, n) -> new ListEntry(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), split(row.getString(5), SEPARATOR),
                row.getString(6), row.getString(7), split(row.getString(8), ",")), importId);
    }

    @Override
    public List<ImportRecord> imports(String listId) {
        return jdbc.query("""
                select i.list_id, i.import_id, i.source, i.rows, i.rejected, i.checksum, i.imported_by, i.imported_at,
                       a.import_id is not null
                from screening_import i left join screening_active_list a on a.list_id = i.list_id and a.import_id = i.import_id
                where i.list_id = ? order by i.imported_at desc, i.import_id""", (row, n) -> new ImportRecord(
                row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5), row.getString(6),
                row.getString(7), row.getTimestamp(8).toInstant(), row.getBoolean(9)), listId);
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separator));
    }
}
