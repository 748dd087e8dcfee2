package io.warden.infra.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/**
 * The two ways the command side's own event handlers run (the read models' processors are
 * {@link ProcessorConfiguration}'s). Neither logs and skips a failure, Axon's default for event handlers.
 */
public final class CommandSideProcessors {

    private CommandSideProcessors() {
    }

    /**
     * Subscribing: the handler writes in the unit of work (and database transaction) of the command whose events it
     * sees, so its rows exist exactly when those events do, and its failure fails the command.
     */
    public static EventProcessingConfigurer inCommandTransaction(EventProcessingConfigurer processing, String group) {
        return processing.registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(group, config -> PropagatingErrorHandler.instance());
    }

    /**
     * One single-threaded tracking processor: for handlers whose decisions depend on the order of events across
     * aggregates and that send commands; a failed batch is rolled back and retried, never skipped, so the handler
     * must be idempotent under redelivery.
     */
    public static EventProcessingConfigurer inOrderWithRetries(EventProcessingConfigurer processing, String group) {
        return processing.registerTrackingEventProcessor(group, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(50))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
    }
}
