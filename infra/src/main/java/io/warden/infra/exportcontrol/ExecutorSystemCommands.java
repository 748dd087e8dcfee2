package io.warden.infra.exportcontrol;

import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.UnknownResourceException;
import io.warden.command.exportcontrol.SystemCommands;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends automatic decisions on a small pool of its own threads. There no unit of work is active, so each command
 * gets its own transaction instead of joining the event processor's, and a refused command cannot roll back the
 * processor's progress. A refusal is logged and skipped (the account is gone, say); anything else fails the batch,
 * so the processor retries it and the derived violation ids keep the retry from recording anything twice.
 */
public class ExecutorSystemCommands implements SystemCommands {

    private static final Logger log = LoggerFactory.getLogger(ExecutorSystemCommands.class);
    private static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final ExecutorService workers;

    public ExecutorSystemCommands(CommandGateway gateway, int parallelism) {
        this.gateway = gateway;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "export-controls-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void stop() {
        workers.shutdown();
    }

    @Override
    public int sendAll(List<Object> commands, String correlationId, String causationId) {
        if (commands.isEmpty()) {
            return 0;
        }
        Map<String, Object> metaData = WardenMetaData.system(ACTOR, correlationId, causationId);
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(commands.size());
        for (Object command : commands) {
            sent.add(CompletableFuture.supplyAsync(() -> send(command, metaData), workers));
        }
        int changed = 0;
        for (CompletableFuture<Boolean> future : sent) {
            if (future.join()) {
                changed++;
            }
        }
        return changed;
    }

    private boolean send(Object command, Map<String, Object> metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                CommandResult result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                return result != null && result.changed();
            } catch (CommandExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof CommandRefusedException || cause instanceof UnknownResourceException
                        || cause instanceof InvalidCommandException || cause instanceof AggregateNotFoundException) {
                    log.warn("Automatic command {} refused: {}", command.getClass().getSimpleName(), cause.getMessage());
                    return false;
                }
                if (!(cause instanceof ConcurrencyException) || attempt >= ATTEMPTS) {
                    throw e;
                }
            } catch (AggregateNotFoundException e) {
                log.warn("Automatic command {} names an unknown aggregate: {}", command.getClass().getSimpleName(), e.getMessage());
                return false;
            } catch (ConcurrencyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
