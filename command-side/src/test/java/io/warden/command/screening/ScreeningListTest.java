package io.warden.command.screening;

import io.warden.api.events.ScreeningListImportedEvent;
import io.warden.api.types.RejectedRow;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.InvalidCommandException;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningListTest {

    private AggregateTestFixture<ScreeningList> fixture;
    private final RecordingStore store = new RecordingStore();
    private static final MetaData BY_ERIN = MetaData.with(WardenMetaData.ACTOR, "erin");
    private static final ListEntry ENTRY = new ListEntry("EL:1", "Entity List (EL)", "Entity", "Northwind Quantum",
            List.of(), "", "", List.of("CN"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ScreeningList.class);
        fixture.registerInjectableResource(store);
    }

    @Test
    void an_import_stores_its_entries_and_records_who_imported_what_with_the_rows_it_skipped() {
        List<RejectedRow> rejected = List.of(new RejectedRow(7, "has 6 columns, the header has 29"));

        fixture.givenNoPriorActivity()
                .when(new ImportScreeningListCommand(ScreeningLists.CONSOLIDATED, "import-1", "csl.csv.gz", List.of(ENTRY),
                        rejected, "abc123"), BY_ERIN)
                .expectEvents(new ScreeningListImportedEvent(ScreeningLists.CONSOLIDATED, "import-1", "csl.csv.gz", 1,
                        rejected, "abc123", "erin", null));
        assertThat(store.entries).containsKey("import-1");
    }

    @Test
    void a_second_import_names_the_version_it_replaces() {
        fixture.given(new ScreeningListImportedEvent(ScreeningLists.CONSOLIDATED, "import-1", "old.csv", 1, List.of(),
                        "abc", "erin", null))
                .when(new ImportScreeningListCommand(ScreeningLists.CONSOLIDATED, "import-2", "new.csv", List.of(ENTRY),
                        List.of(), "def"), BY_ERIN)
                .expectEvents(new ScreeningListImportedEvent(ScreeningLists.CONSOLIDATED, "import-2", "new.csv", 1,
                        List.of(), "def", "erin", "import-1"));
    }

    @Test
    void a_file_with_no_usable_entry_is_refused_and_the_active_version_stays() {
        fixture.given(new ScreeningListImportedEvent(ScreeningLists.CONSOLIDATED, "import-1", "old.csv", 1, List.of(),
                        "abc", "erin", null))
                .when(new ImportScreeningListCommand(ScreeningLists.CONSOLIDATED, "import-2", "empty.csv", List.of(),
                        List.of(new RejectedRow(2, "name is empty")), "def"), BY_ERIN)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        assertThat(store.entries).doesNotContainKey("import-2");
    }

    static final class RecordingStore implements ScreeningListStore {
        final Map<String, List<ListEntry>> entries = new HashMap<>();
        final List<ImportRecord> imports = new ArrayList<>();

        @Override
        public void storeEntries(String importId, List<ListEntry> list) {
            entries.put(importId, list);
        }

        @Override
        public void importRecorded(ImportRecord record) {
            imports.add(record);
        }

        @Override
        public Optional<String> activeImportId(String listId) {
            return imports.isEmpty() ? Optional.empty() : Optional.of(imports.get(imports.size() - 1).importId());
        }

        @Override
        public List<ListEntry> entries(String importId) {
            return entries.getOrDefault(importId, List.of());
        }

        @Override
        public List<ImportRecord> imports(String listId) {
            return imports;
        }
    }
}
