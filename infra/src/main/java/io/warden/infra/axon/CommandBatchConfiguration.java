package io.warden.infra.axon;

import io.warden.command.common.CommandBatches;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Many commands in one unit of work and transaction, one by one when any of them fails (bulk intake, campaign
 * takedowns): see {@link CommandBatches}. It uses the same transaction manager as every single command.
 */
@Configuration(proxyBeanMethods = false)
public class CommandBatchConfiguration {

    @Bean
    CommandBatches commandBatches(TransactionManager axonTransactionManager) {
        return new CommandBatches(axonTransactionManager);
    }
}
