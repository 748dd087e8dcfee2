package io.warden.infra.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start when Axon has quietly fallen back to a default that loses data: an in-memory token store or
 * event storage (what Axon uses when its JPA auto-configuration does not apply), an event storage engine other than
 * the JDBC one of {@code ProcessorConfiguration} (whose inserts leave {@code global_index} to the database), or
 * commands without Spring's transactions. Runs once all beans exist and before any event processor starts.
 */
public class AxonWiringCheck implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(AxonWiringCheck.class);
    private static final String IN_MEMORY = "memory, lost at every restart";

    private ListableBeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beans = (ListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        TokenStore tokenStore = beans.getBeanProvider(TokenStore.class).getIfUnique();
        EventStorageEngine storageEngine = beans.getBeanProvider(EventStorageEngine.class).getIfUnique();
        TransactionManager transactionManager = beans.getBeanProvider(TransactionManager.class).getIfUnique();

        List<String> problems = new ArrayList<>();
        if (!(tokenStore instanceof JpaTokenStore)) {
            problems.add("token store is " + describe(tokenStore, IN_MEMORY) + ", expected JpaTokenStore");
        }
        if (!(storageEngine instanceof JdbcEventStorageEngine)) {
            problems.add("event storage engine is " + describe(storageEngine, IN_MEMORY) + ", expected JdbcEventStorageEngine");
        }
        if (!(transactionManager instanceof SpringTransactionManager)) {
            problems.add("Axon transaction manager is " + describe(transactionManager, "no transactions")
                    + ", expected SpringTransactionManager");
        }
        if (!problems.isEmpty()) {
            String message = "Axon is not wired to PostgreSQL: " + String.join("; ", problems);
            log.error(message);
            throw new IllegalStateException(message);
        }
        log.info("Axon wiring: events in {}, tokens in {}, commands in {}", simpleName(storageEngine),
                simpleName(tokenStore), simpleName(transactionManager));
    }

    private static String describe(Object component, String axonsFallback) {
        return component == null ? "missing (Axon falls back to " + axonsFallback + ")" : component.getClass().getName();
    }

    private static String simpleName(Object component) {
        return component.getClass().getSimpleName();
    }
}
