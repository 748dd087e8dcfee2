package io.warden.infra.exportcontrol;

import io.warden.api.types.RejectedRow;
import io.warden.command.common.CommandResult;
import io.warden.command.screening.CslParser;
import io.warden.command.screening.ImportScreeningListCommand;
import io.warden.command.screening.ParsedList;
import io.warden.command.screening.ScreeningLists;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parses a list file and imports it as the new active version: the HTTP upload and the command line both come
 * here. Parsing happens before the command, outside any transaction; the command stores entries, event and active
 * pointer in one.
 */
@Component
public class ScreeningListImporter {

    private final CslParser parser;
    private final CommandGateway gateway;
    private final ScreeningHolder screening;

    public ScreeningListImporter(CslParser parser, CommandGateway gateway, ScreeningHolder screening) {
        this.parser = parser;
        this.gateway = gateway;
        this.screening = screening;
    }

    public record Imported(String importId, String status, int rows, List<RejectedRow> rejected, String checksum,
                           long version) {
    }

    /** @param metaData who imports (actor, roles, correlation id), as for any command */
    public Imported importList(InputStream file, String source, Map<String, ?> metaData) {
        ParsedList parsed = parser.parse(file);
        String importId = UUID.randomUUID().toString();
        CommandResult result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ImportScreeningListCommand(
                ScreeningLists.CONSOLIDATED, importId, source, parsed.entries(), parsed.rejected(), parsed.checksum()))
                .andMetaData(metaData));
        screening.invalidate();
        // with an Idempotency-Key a retry gets the first import's id back, and nothing is imported twice
        return new Imported(result.resourceId(), result.status(), parsed.entries().size(), parsed.rejected(),
                parsed.checksum(), result.version());
    }
}
