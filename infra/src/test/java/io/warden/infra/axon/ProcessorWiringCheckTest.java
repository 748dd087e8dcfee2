package io.warden.infra.axon;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorWiringCheckTest {

    @Test
    void a_processor_whose_tokens_would_commit_apart_from_its_read_model_stops_the_start_up() {
        EventProcessor approvals = (EventProcessor) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{StreamingEventProcessor.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        EventProcessingConfiguration processing = (EventProcessingConfiguration) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{EventProcessingConfiguration.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "tokenStore" -> new InMemoryTokenStore();
                            case "transactionManager" -> NoTransactionManager.instance();
                            default -> throw new UnsupportedOperationException(method.getName());
                        });

        EntityManagerProvider ownEntityManager = () -> null;

        assertThatThrownBy(() -> ProcessorWiringCheck.verify(Map.of("approvals", approvals), processing, ownEntityManager))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("approvals keeps its tokens in " + InMemoryTokenStore.class.getName())
                .hasMessageContaining("approvals runs its batches in " + NoTransactionManager.class.getName())
                .hasMessageContaining("not the container-managed one");
    }

    @Test
    void subscribing_processors_are_not_asked_for_tokens() {
        EventProcessor lookups = (EventProcessor) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{EventProcessor.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        EventProcessingConfiguration processing = (EventProcessingConfiguration) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{EventProcessingConfiguration.class}, (proxy, method, args) -> {
                    throw new AssertionError("asked " + method.getName());
                });

        ProcessorWiringCheck.verify(Map.of("command-lookups", lookups), processing,
                new org.axonframework.springboot.util.jpa.ContainerManagedEntityManagerProvider());
    }
}
