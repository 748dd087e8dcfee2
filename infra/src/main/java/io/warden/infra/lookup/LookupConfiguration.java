package io.warden.infra.lookup;

import io.warden.infra.axon.CommandSideProcessors;
import io.warden.command.lookup.CommandSideLookups;
import io.warden.command.lookup.LookupMaintainer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's lookup tables and the handler that keeps them. {@code command-lookups} is a subscribing
 * processor whose errors propagate: the lookup rows are written in the command's own transaction, and a failed
 * write fails the command instead of being logged and skipped (Axon's default for event handlers).
 */
@Configuration(proxyBeanMethods = false)
public class LookupConfiguration {

    @Bean
    CommandSideLookups commandSideLookups(JdbcTemplate jdbc) {
        return new JdbcCommandSideLookups(jdbc);
    }

    @Bean
    LookupMaintainer lookupMaintainer(CommandSideLookups lookups) {
        return new LookupMaintainer(lookups);
    }

    @Bean
    ConfigurerModule commandLookupsInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing(processing ->
                CommandSideProcessors.inCommandTransaction(processing, LookupMaintainer.PROCESSING_GROUP));
    }
}
