package io.warden.infra.axon;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.types.Tier;
import io.warden.command.account.RegisterAccountCommand;
import io.warden.command.lookup.LookupMaintainer;
import io.warden.infra.support.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Axon is wired to PostgreSQL and to Spring's transactions, not to one of the in-memory defaults it falls back to
 * without a word when its auto-configuration does not apply.
 */
class StartupWiringIT extends IntegrationTest {

    @Autowired
    Configuration axon;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;
    @Autowired
    CommandGateway commands;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Test
    void tokens_are_kept_in_the_jpa_token_store() {
        assertThat(tokenStore).isInstanceOf(JpaTokenStore.class);
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor) {
                assertThat(processing.tokenStore(processor.getKey())).as(processor.getKey()).isSameAs(tokenStore);
            }
        }
    }

    @Test
    void events_are_stored_by_the_jdbc_storage_engine() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class).isSameAs(axon.eventStore());
        assertThat(persistenceExceptionResolver).isInstanceOf(SQLErrorCodesResolver.class);
    }

    @Test
    void commands_run_in_spring_transactions() {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(axon.getComponent(TransactionManager.class)).isSameAs(transactionManager);
    }

    @Test
    void messages_events_and_snapshots_are_serialized_with_jackson_3() {
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(messageSerializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void events_carry_warden_correlation_data_instead_of_axons_default() {
        assertThat(axon.correlationDataProviders())
                .extracting(CorrelationDataProvider::getClass)
                .contains(WardenCorrelationDataProvider.class)
                .doesNotContain(MessageOriginProvider.class);
    }

    @Test
    void command_lookups_are_written_by_a_subscribing_processor() {
        assertThat(processing.eventProcessor(LookupMaintainer.PROCESSING_GROUP, EventProcessor.class))
                .containsInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void a_registered_account_is_in_the_lookup_table_as_soon_as_the_command_returns() {
        String accountId = "acc-" + UUID.randomUUID();

        commands.sendAndWait(new RegisterAccountCommand(accountId, "Lumen Analytics Ltd.", "org-1", "SG", Tier.PRO));

        assertThat(jdbc.queryForList("select account_id from lookup_registered_account where account_id = ?",
                String.class, accountId)).containsExactly(accountId);
    }

    @Test
    void a_failing_lookup_write_fails_the_command_and_stores_no_event() {
        String accountId = "acc-" + UUID.randomUUID();
        jdbc.execute("alter table lookup_registered_account rename to lookup_registered_account_away");
        try {
            assertThatThrownBy(() -> commands.sendAndWait(
                    new RegisterAccountCommand(accountId, "Lumen Analytics Ltd.", "org-1", "SG", Tier.PRO)))
                    .hasMessageContaining("lookup_registered_account");
        } finally {
            jdbc.execute("alter table lookup_registered_account_away rename to lookup_registered_account");
        }

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, accountId)).isZero();
    }

    @Test
    void a_second_first_event_of_the_same_aggregate_is_an_aggregate_stream_creation_conflict() {
        String accountId = "acc-" + UUID.randomUUID();
        append(accountId, 0);

        assertThatThrownBy(() -> append(accountId, 0)).isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void a_second_event_at_the_same_sequence_number_is_a_concurrency_conflict() {
        String accountId = "acc-" + UUID.randomUUID();
        append(accountId, 0);
        append(accountId, 1);

        assertThatThrownBy(() -> append(accountId, 1)).isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, accountId)).isEqualTo(2);
    }

    private void append(String accountId, long sequenceNumber) {
        transactionManager.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>(
                "Account", accountId, sequenceNumber,
                new AccountRegisteredEvent(accountId, "Lumen Analytics Ltd.", "org-1", "SG", Tier.PRO))));
    }
}
