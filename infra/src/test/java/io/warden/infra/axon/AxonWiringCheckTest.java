package io.warden.infra.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AxonWiringCheckTest {

    @Test
    void in_memory_defaults_stop_the_start_up_and_are_named() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tokenStore", new InMemoryTokenStore());
        beans.addBean("eventStorageEngine", new InMemoryEventStorageEngine());
        beans.addBean("transactionManager", NoTransactionManager.instance());
        AxonWiringCheck check = new AxonWiringCheck();
        check.setBeanFactory(beans);

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InMemoryTokenStore")
                .hasMessageContaining("InMemoryEventStorageEngine")
                .hasMessageContaining("NoTransactionManager");
    }

    @Test
    void a_missing_token_store_is_reported_as_axons_in_memory_fallback() {
        AxonWiringCheck check = new AxonWiringCheck();
        check.setBeanFactory(new StaticListableBeanFactory());

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .hasMessageContaining("token store is missing (Axon falls back to memory");
    }

    @Test
    void the_jpa_storage_engine_is_refused_because_it_takes_each_global_index_in_its_own_round_trip() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("eventStorageEngine", JpaEventStorageEngine.builder()
                .entityManagerProvider(() -> null)
                .transactionManager(NoTransactionManager.instance())
                .build());
        AxonWiringCheck check = new AxonWiringCheck();
        check.setBeanFactory(beans);

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .hasMessageContaining("event storage engine is " + JpaEventStorageEngine.class.getName())
                .hasMessageContaining("expected JdbcEventStorageEngine");
    }
}
