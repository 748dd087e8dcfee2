package io.warden.infra.workflow;

import io.warden.infra.axon.CommandSideProcessors;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.warden.command.cases.CaseEnforcementTracker;
import io.warden.command.cases.CaseSlaPolicy;
import io.warden.command.cases.ReferralLookupMaintainer;
import io.warden.command.cases.ReferralLookups;
import io.warden.command.deadline.DeadlineIds;
import io.warden.command.rules.FlaggingRules;
import io.warden.command.rules.FlaggingRulesReactor;
import io.warden.command.rules.RuleCommands;
import io.warden.command.rules.RuleState;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.List;

/**
 * Persistent deadlines (Axon's {@link DbSchedulerDeadlineManager} on db-scheduler's {@code scheduled_tasks}, V2),
 * case SLAs, proposal expiry, automatic flagging rules and external referrals.
 * <p>
 * The {@link Scheduler} is built here rather than by db-scheduler's Boot starter (which does not promise Boot 4) and
 * with Axon's own db-scheduler auto-configuration excluded ({@code application.yml}), so that exactly one scheduler
 * exists, it knows Axon's deadline task from the start (db-scheduler only executes tasks it was built with), it
 * joins the command's transaction (a deadline is scheduled or cancelled exactly when the command's events are
 * stored), and Spring starts it last and stops it first ({@link DeadlineSchedulerLifecycle}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkflowProperties.Sla.class, WorkflowProperties.Deadlines.class,
        WorkflowProperties.Rules.class})
public class WorkflowConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkflowConfiguration.class);

    @Bean
    DbSchedulerDeadlineManagerSupplier deadlineManagerSupplier() {
        return new DbSchedulerDeadlineManagerSupplier();
    }

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, DbSchedulerDeadlineManagerSupplier supplier,
                                WorkflowProperties.Deadlines properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                        DbSchedulerDeadlineManager.binaryTask(supplier))
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .build();
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler);
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration configuration,
                                    Serializer serializer, TransactionManager transactionManager,
                                    DbSchedulerDeadlineManagerSupplier supplier,
                                    List<CorrelationDataProvider> correlationDataProviders) {
        DbSchedulerDeadlineManager manager = new RaceTolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false), deadlineScheduler);
        // the events a deadline handler applies inherit the deadline's actor and correlation, as a command's do
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        supplier.set(manager);
        return manager;
    }

    @Bean
    DeadlineIds deadlineIds(JdbcTemplate jdbc) {
        return new JdbcDeadlineIds(jdbc);
    }

    @Bean
    CaseSlaPolicy caseSlaPolicy(WorkflowProperties.Sla sla) {
        return new CaseSlaPolicy(sla.critical(), sla.high(), sla.medium(), sla.low());
    }

    @Bean
    CaseEnforcementTracker caseEnforcementTracker(CommandGateway commands) {
        return new CaseEnforcementTracker(commands);
    }

    @Bean
    ReferralLookups referralLookups(JdbcTemplate jdbc) {
        return new JdbcReferralLookups(jdbc);
    }

    @Bean
    ReferralLookupMaintainer referralLookupMaintainer(ReferralLookups lookups) {
        return new ReferralLookupMaintainer(lookups);
    }

    @Bean
    RuleState ruleState(JdbcTemplate jdbc) {
        return new JdbcRuleState(jdbc);
    }

    @Bean
    FlaggingRules flaggingRules(WorkflowProperties.Rules properties, RuleState state) {
        FlaggingRules rules = new FlaggingRules(properties.effective(), state);
        log.info("Automatic flagging rules: {}", rules.rules());
        return rules;
    }

    @Bean
    RuleCommands ruleCommands(CommandGateway gateway) {
        return new GatewayRuleCommands(gateway);
    }

    @Bean
    FlaggingRulesReactor flaggingRulesReactor(FlaggingRules rules, RuleCommands commands) {
        return new FlaggingRulesReactor(rules, commands);
    }

    /**
     * {@code referral-lookups} writes in the command's transaction. {@code case-enforcement} and
     * {@code flagging-rules} send commands in their own processor's transaction, one segment each (the rules count
     * an account's violations across events), and their errors propagate, so a failed batch is retried, never
     * skipped: both are idempotent under redelivery.
     */
    @Bean
    ConfigurerModule workflowProcessors() {
        return configurer -> configurer.eventProcessing(processing -> {
            CommandSideProcessors.inCommandTransaction(processing, ReferralLookupMaintainer.PROCESSING_GROUP);
            CommandSideProcessors.inOrderWithRetries(processing, CaseEnforcementTracker.PROCESSING_GROUP);
            CommandSideProcessors.inOrderWithRetries(processing, FlaggingRulesReactor.PROCESSING_GROUP);
        });
    }
}
