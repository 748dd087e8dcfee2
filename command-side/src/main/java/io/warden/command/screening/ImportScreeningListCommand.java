package io.warden.command.screening;

import io.warden.api.types.RejectedRow;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Imports a parsed list as the new active version. The entries travel in the command (the command bus is local and
 * does not serialise) and are stored beside the event, not in it.
 */
public record ImportScreeningListCommand(@TargetAggregateIdentifier String listId, String importId, String source,
                                         List<ListEntry> entries, List<RejectedRow> rejected, String checksum) {
}
