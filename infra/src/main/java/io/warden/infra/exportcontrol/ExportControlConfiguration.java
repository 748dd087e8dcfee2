package io.warden.infra.exportcontrol;

import io.warden.infra.axon.CommandSideProcessors;
import io.warden.command.exportcontrol.ExportControlLookups;
import io.warden.command.exportcontrol.ExportControlReactor;
import io.warden.command.exportcontrol.ScreeningSubjects;
import io.warden.command.exportcontrol.SystemCommands;
import io.warden.command.organization.OwnershipCalculator;
import io.warden.command.organization.OwnershipGraphMaintainer;
import io.warden.command.organization.OwnershipRegistry;
import io.warden.command.screening.CslParser;
import io.warden.command.screening.NameNormalizer;
import io.warden.command.screening.RestrictedPartyScreening;
import io.warden.command.screening.ScreeningListMaintainer;
import io.warden.command.screening.ScreeningListStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Set;

/**
 * Export controls: restricted-party screening, unsupported regions and ownership-based control.
 * <p>
 * {@code export-control-lookups} is subscribing with propagating errors (its tables are written in the command's
 * own transaction, like the other command-side lookups). {@code export-controls} is a tracking processor with one
 * segment, because its decisions depend on the order of events across aggregates (a registration after a list
 * import or after a restriction), and its errors propagate, so a failed batch is retried rather than skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ExportControlConfiguration.ScreeningProperties.class,
        ExportControlConfiguration.ExportControlProperties.class})
public class ExportControlConfiguration {

    /** @param threshold score from which a match is taken to be the listed party, in (0, 1] */
    @ConfigurationProperties("warden.screening")
    public record ScreeningProperties(@DefaultValue("0.90") double threshold) {
    }

    /**
     * @param unsupportedRegions ISO 3166-1 alpha-2 codes of the regions Warden's services are not offered in
     * @param commandParallelism threads that send the automatic violations and assessments
     */
    @ConfigurationProperties("warden.export-controls")
    public record ExportControlProperties(
            @DefaultValue({"CN", "HK", "MO", "RU", "BY", "IR", "KP", "CU", "SY"}) Set<String> unsupportedRegions,
            @DefaultValue("4") int commandParallelism) {
    }

    @Bean
    CslParser cslParser() {
        return new CslParser();
    }

    @Bean
    NameNormalizer nameNormalizer() {
        return new NameNormalizer();
    }

    @Bean
    ScreeningListStore screeningListStore(JdbcTemplate jdbc) {
        return new JdbcScreeningListStore(jdbc);
    }

    @Bean
    ScreeningSubjects screeningSubjects(JdbcTemplate jdbc) {
        return new JdbcScreeningSubjects(jdbc);
    }

    @Bean
    OwnershipRegistry ownershipRegistry(JdbcTemplate jdbc) {
        return new JdbcOwnershipRegistry(jdbc);
    }

    @Bean
    OwnershipCalculator ownershipCalculator(ExportControlProperties properties) {
        return new OwnershipCalculator(properties.unsupportedRegions());
    }

    @Bean
    ScreeningHolder screeningHolder(ScreeningListStore store, NameNormalizer normalizer, ScreeningProperties properties) {
        RestrictedPartyScreening.requireValidThreshold(properties.threshold());
        return new ScreeningHolder(store, normalizer, properties.threshold());
    }

    @Bean(destroyMethod = "stop")
    ExecutorSystemCommands systemCommands(CommandGateway gateway, ExportControlProperties properties) {
        return new ExecutorSystemCommands(gateway, properties.commandParallelism());
    }

    @Bean
    ScreeningListMaintainer screeningListMaintainer(ScreeningListStore store) {
        return new ScreeningListMaintainer(store);
    }

    @Bean
    OwnershipGraphMaintainer ownershipGraphMaintainer(OwnershipRegistry registry) {
        return new OwnershipGraphMaintainer(registry);
    }

    @Bean
    ExportControlLookups exportControlLookups(ScreeningSubjects subjects) {
        return new ExportControlLookups(subjects);
    }

    @Bean
    ExportControlReactor exportControlReactor(ScreeningHolder screening, ScreeningSubjects subjects,
                                              OwnershipRegistry ownership, OwnershipCalculator calculator,
                                              SystemCommands commands) {
        return new ExportControlReactor(screening, subjects, ownership, calculator, commands);
    }

    @Bean
    ConfigurerModule exportControlProcessors() {
        return configurer -> configurer.eventProcessing(processing -> {
            CommandSideProcessors.inCommandTransaction(processing, ScreeningListMaintainer.PROCESSING_GROUP);
            CommandSideProcessors.inOrderWithRetries(processing, ExportControlReactor.PROCESSING_GROUP);
        });
    }
}
