package io.warden.command.screening;

import io.warden.api.events.ScreeningListImportedEvent;
import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A restricted-party list and the history of its versions. Imports of one list are serialised by this aggregate, so
 * two concurrent uploads cannot both claim to replace the same version.
 */
@Aggregate(cache = "wardenAggregateCache")
class ScreeningList {


    @AggregateIdentifier
    private String listId;
    private String activeImportId;

    ScreeningList() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandResult handle(ImportScreeningListCommand command, @MetaDataValue(WardenMetaData.ACTOR) String actor,
                         ScreeningListStore store) {
        String by = Require.actor(actor);
        String importId = Require.text(command.importId(), "importId");
        Require.text(command.listId(), "listId");
        if (command.entries() == null || command.entries().isEmpty()) {
            throw new InvalidCommandException("The file holds no usable entries (" + sizeOf(command.rejected())
                    + " rows rejected); the active list stays as it is");
        }
        store.storeEntries(importId, command.entries());
        apply(new ScreeningListImportedEvent(command.listId(), importId, command.source(), command.entries().size(),
                command.rejected() == null ? List.of() : List.copyOf(command.rejected()), command.checksum(), by,
                activeImportId));
        return CommandResult.changed(importId, version(), "ACTIVE");
    }

    private static int sizeOf(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static long version() {
        return Objects.requireNonNull(AggregateLifecycle.getVersion(), "an imported list always has a version");
    }

    @EventSourcingHandler
    void on(ScreeningListImportedEvent event) {
        listId = event.listId();
        activeImportId = event.importId();
    }
}
