package io.warden.infra.takedown;

import io.warden.command.cases.TakedownPolicy;
import io.warden.command.common.CommandBatches;
import io.warden.command.lookup.CommandSideLookups;
import io.warden.command.takedown.CampaignTakedownSaga;
import io.warden.command.takedown.TakedownChunks;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Campaign takedowns: the policy the case and the saga follow, and the threads that send a chunk's account
 * commands ({@code accounts-per-transaction} of them in one transaction, one by one when any of them fails; at most
 * {@code parallelism} of the connection pool at a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakedownConfiguration.TakedownProperties.class)
public class TakedownConfiguration {

    @Bean
    TakedownPolicy takedownPolicy(TakedownProperties properties) {
        return new TakedownPolicy(properties.approvalThreshold(), properties.chunkSize(), properties.parallelism());
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService takedownExecutor(TakedownPolicy policy) {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(policy.parallelism(), task -> {
            Thread thread = new Thread(task, "takedown-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    TakedownChunks takedownChunks(CommandSideLookups lookups, TakedownPolicy policy, ExecutorService takedownExecutor,
                                  CommandBatches batches, TakedownProperties properties) {
        return new TakedownChunks(lookups, policy, takedownExecutor, batches, properties.accountsPerTransaction());
    }

    /**
     * A failed step rolls back (saga state, token and recorded progress together) and is retried, instead of Axon's
     * default of logging the error and moving on, which would leave the takedown RUNNING with no next step.
     */
    @Bean
    ConfigurerModule takedownStepsAreRetried() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(CampaignTakedownSaga.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(CampaignTakedownSaga.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /**
     * @param approvalThreshold a takedown of more accounts than this needs a second person (a BAN takedown always)
     * @param chunkSize         accounts handled per saga step (and per recorded progress)
     * @param parallelism       threads sending a chunk's account commands
     * @param accountsPerTransaction account commands a thread sends in one unit of work and transaction
     */
    @ConfigurationProperties("warden.takedown")
    public record TakedownProperties(@DefaultValue("100") int approvalThreshold, @DefaultValue("500") int chunkSize,
                                     @DefaultValue("4") int parallelism, @DefaultValue("100") int accountsPerTransaction) {
    }
}
