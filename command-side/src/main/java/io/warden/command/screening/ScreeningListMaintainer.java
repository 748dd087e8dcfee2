package io.warden.command.screening;

import io.warden.api.events.ScreeningListImportedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Records each import and makes it the active version, in the transaction of the import's event (a subscribing
 * processor whose errors propagate, like the command side's other lookups).
 */
@ProcessingGroup(ScreeningListMaintainer.PROCESSING_GROUP)
public class ScreeningListMaintainer {

    public static final String PROCESSING_GROUP = "export-control-lookups";

    private final ScreeningListStore store;

    public ScreeningListMaintainer(ScreeningListStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ScreeningListImportedEvent event, @Timestamp Instant at) {
        store.importRecorded(new ScreeningListStore.ImportRecord(event.listId(), event.importId(), event.source(),
                event.rows(), event.rejected().size(), event.checksum(), event.importedBy(), at, true));
    }
}
