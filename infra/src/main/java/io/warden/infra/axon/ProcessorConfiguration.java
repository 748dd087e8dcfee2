package io.warden.infra.axon;

import io.warden.command.lookup.LookupMaintainer;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * How the read models are fed. Every tracking processing group, including ones this class has never heard of, runs
 * as a pooled streaming event processor with {@link ProcessorProperties}' batch size, segments and threads; events are
 * split over segments by aggregate id, so one aggregate's events stay in order. Each batch is one Spring transaction
 * (the processors use Axon's {@code TransactionManager}, which is {@code SpringTransactionManager}), and the tokens are
 * in the JPA token store on the same {@code EntityManager}: a batch's read-model writes and its token update commit
 * together or not at all. {@link ProcessorWiringCheck} verifies that for every processor at start-up.
 * <p>
 * A handler that fails parks its event in the JPA dead-letter queue under the event's aggregate id; later events of
 * that aggregate join it there (their order matters), everything else goes on. Processors whose order is global (the
 * audit chain, the enforcement feed) turn dead letters off: a failure there halts the processor at the failing event,
 * which is retried with back-off and shows as an error in {@code GET /admin/processors}, rather than letting later
 * events overtake it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProcessorProperties.class, EventStoreProperties.class})
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class ProcessorConfiguration {

    /** Longer than any cause message Axon's entity accepts ({@code cause_message varchar(1023)}) would fail the enqueue. */
    private static final int CAUSE_MESSAGE_LIMIT = 1000;

    /** Executors of all processors, so that they stop with the application and not before (a replay restarts them). */
    private final List<ScheduledExecutorService> executors = new CopyOnWriteArrayList<>();

    /**
     * Axon's JDBC engine on the tables of {@code V1__axon_tables.sql}, with the components Axon's auto-configuration
     * would give it, plus deliberate gap handling and read batch size (see {@link EventStoreProperties}); Axon's
     * auto-configuration offers no properties for them. Its insert leaves {@code global_index} out, so the column's
     * default ({@code nextval('domain_event_entry_seq')}, {@code V98}) numbers each row inside the insert, and a unit
     * of work's events go to the database as one JDBC batch: no round trip per event for its index, and no JVM-wide
     * lock around the sequence as with Hibernate's optimizer. The connection is the one of the Spring transaction the
     * command or processor runs in (the JPA transaction manager exposes it to {@code DataSourceUtils}), so the events
     * commit together with the read models and lookups written by the same unit of work. {@code time_stamp} keeps the
     * ISO-8601 text the JPA engine wrote, so rows written before the switch read as before. Axon's JPA entities stay
     * registered ({@code @RegisterDefaultEntities} above) only so that {@code ddl-auto: validate} keeps checking these
     * tables against Axon's own mapping; nothing writes through them.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource,
                                          TransactionManager transactionManager,
                                          EventStoreProperties gaps) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(EVENT_SCHEMA)
                .dataType(byte[].class)
                .batchSize(gaps.batchSize())
                .gapTimeout(Math.toIntExact(gaps.gapTimeout().toMillis()))
                .gapCleaningThreshold(gaps.gapCleaningThreshold())
                .maxGapOffset(gaps.maxGapOffset())
                .lowestGlobalSequence(gaps.lowestGlobalSequence())
                .build();
    }

    /** The table and column names of {@code V1__axon_tables.sql} (Hibernate's names for Axon's JPA entities). */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /**
     * Ordered after Axon's own modules: Axon Spring Boot registers a dead-letter queue provider of its own (only for
     * groups named in {@code axon.eventhandling.processors.*.dlq}), and the last registration wins.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsWithDeadLetters(ProcessorProperties properties, ListableBeanFactory beans) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing(processing -> {
                    configure(processing, properties);
                    processingGroups(beans).forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (config, invoker) -> invoker.enableSequenceIdentifierCache()));
                });
            }

            @Override
            public int order() {
                return 100;
            }
        };
    }

    private void configure(EventProcessingConfigurer processing, ProcessorProperties properties) {
        processing
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    String name = builder.name();
                    ProcessorProperties.Settings settings = properties.settingsFor(name);
                    return builder
                            .batchSize(settings.batchSize())
                            .initialSegmentCount(settings.segments())
                            .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                            .coordinatorExecutor(executor("Coordinator[" + name + "]", 1))
                            .workerExecutor(executor("WorkPackage[" + name + "]", settings.threads()));
                })
                .registerDefaultSequencingPolicy(config -> SequentialPerAggregatePolicy.instance())
                // Axon's default logs a failing handler and skips its event; a read model must never skip one silently
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultDeadLetterPolicy(config -> (letter, cause) ->
                        Decisions.enqueue(ThrowableCause.truncated(cause, CAUSE_MESSAGE_LIMIT)))
                .registerDeadLetterQueueProvider(group -> hasDeadLetters(group, properties) ? deadLetterQueue(group) : null);
    }

    /**
     * The processing groups of the application's event handlers, read from their annotations without creating them.
     * <p>
     * Each of them gets Axon's sequence-identifier cache on its dead-letter queue: without it, every event costs a
     * query "is this aggregate's sequence parked?" before its handler runs, and in a JPA projection that query also
     * makes Hibernate flush, i.e. dirty-check every entity the batch has loaded so far, once per event (quadratic in
     * the batch size; it was most of {@code account-views}' time in a replay). The cache knows which sequences this
     * segment has parked since it claimed the segment, and asks the queue only when the queue was not empty to begin
     * with and the sequence is not among the recently seen ones; Axon drops it when the segment is released, so a
     * segment claimed by another instance meanwhile starts from the queue again.
     */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    private static boolean hasDeadLetters(String group, ProcessorProperties properties) {
        // command-lookups runs in the command's transaction: its failure must fail the command
        return !LookupMaintainer.PROCESSING_GROUP.equals(group) && properties.settingsFor(group).deadLetters();
    }

    private static Function<org.axonframework.config.Configuration, SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String group) {
        return config -> JpaSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .entityManagerProvider(config.getComponent(EntityManagerProvider.class))
                .transactionManager(config.getComponent(TransactionManager.class))
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .build();
    }

    private ScheduledExecutorService executor(String name, int threads) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(threads, new AxonThreadFactory(name));
        executors.add(executor);
        return executor;
    }

    @Bean
    ProcessorWiringCheck processorWiringCheck() {
        return new ProcessorWiringCheck(executors);
    }
}
