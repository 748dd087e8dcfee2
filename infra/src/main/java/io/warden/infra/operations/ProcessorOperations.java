package io.warden.infra.operations;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What operators do with the event processors: see where each one is, rebuild one from the event store, and work
 * off its dead letters. Reads positions from Axon's live tracker status, the number of segments and dead letters from
 * the token and dead-letter tables.
 */
@Component
public class ProcessorOperations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorOperations.class);

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    /** Replays run here, one at a time, so that the HTTP thread answers at once and two resets never interleave. */
    private final ExecutorService replays = Executors.newSingleThreadExecutor(new AxonThreadFactory("processor-replay"));
    /** Processors asked to replay whose replay tokens are not all claimed and caught up yet. */
    private final Set<String> replayRequested = ConcurrentHashMap.newKeySet();
    /** Requested replays whose tokens have been reset: from here on, catching up means the rebuild is done. */
    private final Set<String> replayReset = ConcurrentHashMap.newKeySet();
    /** Replays finished since this instance started, per processor: evidence that a requested rebuild really ran. */
    private final Map<String, AtomicLong> replaysCompleted = new ConcurrentHashMap<>();

    public ProcessorOperations(EventProcessingConfiguration processing, TransactionManager transactions, JdbcTemplate jdbc) {
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public List<ProcessorStatus> list() {
        long head = head();
        Map<String, Long> segments = countBy("select processor_name, count(*) from token_entry group by processor_name");
        Map<String, Long> deadLetters = countBy("select processing_group, count(*) from dead_letter_entry group by processing_group");
        return processing.eventProcessors().values().stream()
                .map(p -> status(p, head, segments.getOrDefault(p.getName(), 0L), deadLetters.getOrDefault(p.getName(), 0L)))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    /**
     * Shuts the processor down, clears its dead letters (the replay handles their events again), resets its tokens to
     * the start of the store (which runs its {@code @ResetHandler}s, in the same transaction) and starts it again.
     * Answers once the replay is scheduled; {@link #list()} shows it replaying until every segment has caught up.
     */
    public void replay(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new UnknownProcessorException(name);
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw new ProcessorOperationRefusedException("Processor " + name + " is a subscribing processor: it handles"
                    + " events in the transaction of the command that produced them and keeps no position to replay from.");
        }
        if (!streaming.supportsReset()) {
            throw new ProcessorOperationRefusedException("Processor " + name + " does not support a replay (one of its"
                    + " handlers disallows it).");
        }
        list(); // clears the flag of a replay that has finished since anyone last looked
        if (!replayRequested.add(name)) {
            throw new ProcessorOperationRefusedException("Processor " + name + " is already being replayed; wait until"
                    + " GET /api/v1/admin/processors shows it caught up.");
        }
        replays.submit(() -> {
            try {
                log.info("Replaying processor {}: shutting it down", name);
                streaming.shutdownAsync().get(2, TimeUnit.MINUTES);
                deadLetterQueue(name).ifPresent(queue -> transactions.executeInTransaction(queue::clear));
                streaming.resetTokens();
                replayReset.add(name);
                log.info("Replaying processor {}: tokens reset, starting it", name);
            } catch (Exception e) {
                log.error("Replay of processor {} failed; starting it from where it was", name, e);
                replayRequested.remove(name);
            } finally {
                streaming.start();
            }
        });
    }

    public DeadLetterPage deadLetters(String processor, int page, int size) {
        if (processor != null) {
            requireKnown(processor);
        }
        String where = processor == null ? "" : " where processing_group = ?";
        Object[] filter = processor == null ? new Object[0] : new Object[]{processor};
        Long total = jdbc.queryForObject("select count(*) from dead_letter_entry" + where, Long.class, filter);
        Object[] args = processor == null ? new Object[]{size, (long) page * size} : new Object[]{processor, size, (long) page * size};
        List<DeadLetterSummary> items = jdbc.query("""
                        select processing_group, sequence_identifier, sequence_index, payload_type, event_identifier,
                               type, aggregate_identifier, sequence_number, cause_type, cause_message, enqueued_at,
                               last_touched
                        from dead_letter_entry""" + where
                        + " order by processing_group, sequence_identifier, sequence_index limit ? offset ?",
                (rs, i) -> new DeadLetterSummary(rs.getString("processing_group"), rs.getString("sequence_identifier"),
                        rs.getLong("sequence_index"), simpleName(rs.getString("payload_type")),
                        rs.getString("event_identifier"), rs.getString("type"), rs.getString("aggregate_identifier"),
                        (Long) rs.getObject("sequence_number"), rs.getString("cause_type"), rs.getString("cause_message"),
                        rs.getTimestamp("enqueued_at").toInstant(),
                        rs.getTimestamp("last_touched") == null ? null : rs.getTimestamp("last_touched").toInstant()),
                args);
        return new DeadLetterPage(items, page, size, total == null ? 0 : total);
    }

    /**
     * Handles every parked sequence of the processor once more, oldest first; a sequence that fails again stays
     * parked (with its cause updated) and the others go on.
     */
    public RetryResult retry(String name) {
        requireKnown(name);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new ProcessorOperationRefusedException("Processor " + name
                        + " has no dead-letter queue: a failure there halts the processor instead, and it retries by itself."));
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(name).orElseThrow();
        long sequences = transactions.fetchInTransaction(queue::amountOfSequences);
        int succeeded = 0;
        for (long i = 0; i < sequences; i++) {
            if (letters.processAny()) {
                succeeded++;
            }
        }
        long stillParked = transactions.fetchInTransaction(queue::amountOfSequences);
        return new RetryResult(name, sequences, succeeded, stillParked);
    }

    /**
     * Whether the processing group's read model is being rebuilt, for read endpoints that want to say so (a header,
     * a 503 for a resource that is not back yet). Unknown names are not replaying.
     */
    public boolean isReplaying(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (!(processor instanceof StreamingEventProcessor)) {
            return false;
        }
        Long segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Long.class, name);
        return status(processor, head(), segments == null ? 0 : segments, 0).replaying();
    }

    private ProcessorStatus status(EventProcessor processor, long head, long totalSegments, long deadLetters) {
        String name = processor.getName();
        if (processor instanceof StreamingEventProcessor streaming) {
            Collection<EventTrackerStatus> claimed = new HashMap<>(streaming.processingStatus()).values();
            Long position = claimed.stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent)
                    .map(OptionalLong::getAsLong)
                    .min(Long::compare)
                    .orElse(null);
            boolean segmentReplaying = claimed.stream().anyMatch(ProcessorOperations::behindItsReset);
            boolean error = streaming.isError() || claimed.stream().anyMatch(EventTrackerStatus::isErrorState);
            String errorMessage = claimed.stream().filter(EventTrackerStatus::isErrorState)
                    .map(s -> s.getError() == null ? "error" : s.getError().toString()).findFirst().orElse(null);
            boolean allClaimed = totalSegments > 0 && claimed.size() >= totalSegments;
            // a requested replay is done only once its reset has happened (a queued one still runs on its old tokens)
            if (replayReset.contains(name) && streaming.isRunning() && allClaimed && !segmentReplaying
                    && replayReset.remove(name) && replayRequested.remove(name)) {
                replaysCompleted.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
            }
            boolean replaying = replayRequested.contains(name) || segmentReplaying;
            long lag = head - (position == null ? 0 : position);
            return new ProcessorStatus(name, processor instanceof PooledStreamingEventProcessor ? "pooled-streaming" : "tracking",
                    new ProcessorStatus.Segments(claimed.size(), totalSegments), position, head, Math.max(lag, 0),
                    streaming.supportsReset(), replaying, replaysCompleted(name), deadLetters, streaming.isRunning(),
                    error, errorMessage);
        }
        String type = processor instanceof SubscribingEventProcessor ? "subscribing" : processor.getClass().getSimpleName();
        return new ProcessorStatus(name, type, null, null, head, null, false, false, 0, deadLetters, processor.isRunning(),
                processor.isError(), null);
    }

    /**
     * Whether a segment is still re-reading events it had handled before the reset. Axon's own
     * {@link EventTrackerStatus#isReplaying()} stays true until the first event <em>after</em> the reset position
     * arrives, which on a quiet system may be never; an operator wants to know whether the rebuild is done.
     */
    private static boolean behindItsReset(EventTrackerStatus status) {
        OptionalLong reset = status.getResetPosition();
        if (reset.isEmpty()) {
            return false;
        }
        OptionalLong current = status.getCurrentPosition();
        return current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private long replaysCompleted(String name) {
        AtomicLong count = replaysCompleted.get(name);
        return count == null ? 0 : count.get();
    }

    private java.util.Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String name) {
        return processing.deadLetterQueue(name);
    }

    private void requireKnown(String name) {
        if (!processing.eventProcessors().containsKey(name)) {
            throw new UnknownProcessorException(name);
        }
    }

    private long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    @Override
    public void destroy() {
        replays.shutdownNow();
    }
}
