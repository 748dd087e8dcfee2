package io.warden.command.exportcontrol;

import java.util.List;

/**
 * Sends the commands of automatic decisions as {@value #ACTOR}, each in its own transaction (not in the
 * transaction of the event being handled, which a refused command would otherwise roll back), and waits for them.
 */
public interface SystemCommands {

    String ACTOR = "system:screening";

    /**
     * @param correlationId the correlation id of the event that caused the commands, carried on
     * @param causationId   the id of that event
     * @return how many of the commands changed something (a repeated violation id changes nothing)
     */
    int sendAll(List<Object> commands, String correlationId, String causationId);
}
