package io.warden.infra.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Axon's infrastructure on PostgreSQL: the JPA event store (auto-configured by Axon), Spring's transactions around
 * every command, JSON through Jackson 3, the correlation metadata every event carries, aggregate caching and
 * snapshots. {@link AxonWiringCheck} refuses to start when any of it silently falls back to a default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
public class AxonConfiguration {

    /**
     * Axon's own auto-configuration of this bean orders itself after Spring Boot 3's class names of the JPA and JDBC
     * auto-configurations, which Boot 4 renamed; whether it sees the JPA transaction manager then rests on an
     * ordering nobody promises, and without it Axon runs commands with no transaction at all. Declared here, it is
     * always Spring's, and the HTTP layer can rely on one transaction per command.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Turns a duplicate (aggregate id, sequence number) into Axon's concurrency exceptions. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean
    Jackson3SerializerCustomizer wardenJsonMapper() {
        return new WardenJsonMapperCustomizer();
    }

    /** Takes the place of Axon's {@code MessageOriginProvider}, which Axon only declares when no provider exists. */
    @Bean
    CorrelationDataProvider wardenCorrelationDataProvider() {
        return new WardenCorrelationDataProvider();
    }

    /**
     * Aggregates stay in memory between commands, the least recently used leaving first once
     * {@code warden.cache.aggregates} are held, or when the collector needs the heap ({@link BoundedAggregateCache}
     * holds them softly). With several instances a cached aggregate can be stale: its next
     * append then conflicts on the event store's unique key, the cache entry is evicted on rollback and a retry loads
     * the current state. {@code warden.cache.aggregates=0} keeps nothing (Axon's {@link NoCache}: every command loads
     * its aggregate from the store), which is Axon's stock behaviour and what the benchmark's stock run uses.
     */
    @Bean
    Cache wardenAggregateCache(@Value("${warden.cache.aggregates:100000}") int maxEntries) {
        return aggregateCache(maxEntries);
    }

    static Cache aggregateCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("warden.cache.aggregates must be 0 (no cache) or positive, not " + maxEntries);
        }
        return maxEntries == 0 ? NoCache.INSTANCE : new BoundedAggregateCache(maxEntries);
    }

    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return snapshotTrigger(snapshotter, properties, properties.accountThreshold());
    }

    @Bean
    SnapshotTriggerDefinition caseSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return snapshotTrigger(snapshotter, properties, properties.caseThreshold());
    }

    /** {@code warden.snapshots.enabled=false}: no snapshots are taken, aggregates are always loaded from all events. */
    static SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties, int threshold) {
        return properties.enabled()
                ? new EventCountSnapshotTriggerDefinition(snapshotter, threshold)
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    @Bean
    AxonWiringCheck axonWiringCheck() {
        return new AxonWiringCheck();
    }
}
