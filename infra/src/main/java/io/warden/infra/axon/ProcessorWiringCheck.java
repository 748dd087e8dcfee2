package io.warden.infra.axon;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.springboot.util.jpa.ContainerManagedEntityManagerProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Proves, for every streaming processor Axon built, that a batch's read-model writes and its token update share one
 * transaction: the processor runs its batches through {@link SpringTransactionManager} (Spring's JPA transaction), its
 * tokens go to a {@link JpaTokenStore}, and the token store's {@code EntityManager} is the container-managed one, which
 * joins that transaction (as do the projections' Spring Data repositories and {@code JdbcTemplate}s on the same pool).
 * Anything else (an in-memory store, a store on its own connection) would let a crash between the two commits redo or
 * lose a batch, so Warden refuses to run. Also stops the processors' executors when the application closes.
 */
public class ProcessorWiringCheck implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorWiringCheck.class);

    private final List<ScheduledExecutorService> executors;

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EntityManagerProvider entityManagerProvider;

    ProcessorWiringCheck(List<ScheduledExecutorService> executors) {
        this.executors = executors;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        verify(processing.eventProcessors(), processing, entityManagerProvider);
    }

    static void verify(Map<String, EventProcessor> processors, EventProcessingConfiguration processing,
                       EntityManagerProvider entityManagerProvider) {
        List<String> problems = new ArrayList<>();
        if (!(entityManagerProvider instanceof ContainerManagedEntityManagerProvider)) {
            problems.add("the EntityManagerProvider is " + entityManagerProvider.getClass().getName()
                    + ", not the container-managed one that joins Spring's transactions");
        }
        List<String> streaming = new ArrayList<>();
        processors.forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor)) {
                return;
            }
            streaming.add(name);
            if (!(processing.tokenStore(name) instanceof JpaTokenStore)) {
                problems.add(name + " keeps its tokens in " + processing.tokenStore(name).getClass().getName());
            }
            if (!(processing.transactionManager(name) instanceof SpringTransactionManager)) {
                problems.add(name + " runs its batches in " + processing.transactionManager(name).getClass().getName());
            }
        });
        if (!problems.isEmpty()) {
            String message = "Event processors do not commit tokens with their read models: " + String.join("; ", problems);
            log.error(message);
            throw new IllegalStateException(message);
        }
        log.info("Event processors {} commit their JPA tokens in the Spring transaction of their read models", streaming);
    }

    @Override
    public void destroy() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }
}
