package io.warden.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends a list of commands in ONE unit of work and transaction, and falls back to sending them one by one (each in
 * its own unit of work and transaction, exactly as a single {@link CommandGateway#sendAndWait} does) as soon as any
 * of them fails, or the shared commit does.
 * <p>
 * How it works: a root unit of work with the transaction attached is started on the calling thread; every command
 * then goes through the gateway as usual. Axon's {@code SimpleCommandBus} handles it on the calling thread, in a
 * unit of work nested in the root: interceptors, correlation data (the command's own actor and correlation id),
 * validation and the aggregate's decision are per command as always, while the events stay queued on the root and
 * are appended in one go (one flush, batched inserts) when it commits. Aggregates loaded twice are the same instance
 * (Axon keeps them per root unit), their locks are held until the root is cleaned up, and a rolled-back root evicts
 * every aggregate any of its commands touched from the cache, so no state from an undone batch survives.
 * <p>
 * A failing command rolls back the whole batch (its transaction is rollback-only anyway), and the batch is sent
 * again one command at a time, so that each answer, and each failure, is exactly the one a single command gets.
 * Nothing is answered before the transaction holding it has committed.
 * <p>
 * Commands that act on the same aggregate keep their order. Callers running batches on several threads at once
 * should give each aggregate to one thread only, and keep each batch sorted by aggregate, so that two batches never
 * wait on each other's aggregate locks (Axon detects such a deadlock; the batch then falls back, one by one).
 */
public final class CommandBatches {

    private static final Logger log = LoggerFactory.getLogger(CommandBatches.class);

    private final TransactionManager transactionManager;

    public CommandBatches(TransactionManager transactionManager) {
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
    }

    /** Batches that always send one command at a time (for tests and wiring without a transaction manager). */
    public static CommandBatches oneByOne() {
        return new CommandBatches(NoTransactionManager.INSTANCE);
    }

    private boolean batching() {
        return transactionManager != NoTransactionManager.INSTANCE;
    }

    /**
     * Sends {@code commands} and answers, in the same order, each one's result or failure. When a unit of work is
     * already active on this thread, the commands are sent one by one (as before, nested in that unit).
     */
    public List<Answer> sendAll(CommandGateway gateway, List<? extends CommandMessage<?>> commands) {
        if (commands.size() > 1 && batching() && !CurrentUnitOfWork.isStarted()) {
            List<Answer> together = together(gateway, commands);
            if (together != null) {
                return together;
            }
        }
        return oneByOne(gateway, commands);
    }

    /** The answers when every command succeeded and the batch committed; {@code null} when it was rolled back. */
    private List<Answer> together(CommandGateway gateway, List<? extends CommandMessage<?>> commands) {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        List<Answer> answers = new ArrayList<>(commands.size());
        try {
            root.attachTransaction(transactionManager);
            for (CommandMessage<?> command : commands) {
                answers.add(Answer.of(gateway.sendAndWait(command)));
            }
        } catch (RuntimeException | Error e) {
            log.debug("A batch of {} commands is sent again one by one: {}", commands.size(), e.toString());
            if (root.isActive() && CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() == root) {
                root.rollback(e);
            }
            if (e instanceof Error error) {
                throw error;
            }
            return null;
        }
        try {
            root.commit();
        } catch (RuntimeException e) {
            log.debug("A batch of {} commands did not commit and is sent again one by one: {}", commands.size(),
                    e.toString());
            return null;
        }
        return answers;
    }

    private static List<Answer> oneByOne(CommandGateway gateway, List<? extends CommandMessage<?>> commands) {
        List<Answer> answers = new ArrayList<>(commands.size());
        for (CommandMessage<?> command : commands) {
            try {
                answers.add(Answer.of(gateway.sendAndWait(command)));
            } catch (RuntimeException e) {
                answers.add(Answer.failed(e));
            }
        }
        return answers;
    }

    /**
     * One command's answer: what the handler returned, or what {@link CommandGateway#sendAndWait} threw for it.
     */
    public record Answer(Object result, RuntimeException failure) {

        static Answer of(Object result) {
            return new Answer(result, null);
        }

        static Answer failed(RuntimeException failure) {
            return new Answer(null, Objects.requireNonNull(failure, "failure"));
        }

        public boolean failed() {
            return failure != null;
        }
    }
}
