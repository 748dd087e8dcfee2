package io.warden.infra.takedown;

import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.WardenMetaData;
import io.warden.command.account.RegisterAccountCommand;
import io.warden.command.cases.OpenCaseCommand;
import io.warden.command.cases.RequestCaseEnforcementCommand;
import io.warden.infra.WardenApplication;
import io.warden.infra.support.TestDatabase;
import io.warden.infra.support.TestDatabases;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A takedown survives a restart: the application is stopped as soon as the first chunks are recorded, a new one is
 * started on the same database, and the takedown completes with every account suspended exactly once.
 */
class TakedownRestartIT {

    private static final int ACCOUNTS = 1_500;
    private static final MetaData ALICE = MetaData.with(WardenMetaData.ACTOR, "alice");

    private final TestDatabase database = TestDatabases.createFor(TakedownRestartIT.class);
    private final String caseId = UUID.randomUUID().toString();
    private final String enforcementId = UUID.randomUUID().toString();

    @Test
    void a_takedown_stopped_midway_completes_after_a_restart_and_acts_on_every_account_once() {
        List<String> ids = IntStream.range(0, ACCOUNTS).mapToObj(i -> String.format("rs-%05d", i)).toList();
        try (ConfigurableApplicationContext first = start()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            CompletableFuture.allOf(ids.stream().map(id -> commands.send(GenericCommandMessage.asCommandMessage(
                            new RegisterAccountCommand(id, "Lumen", null, "SG", Tier.PRO)).andMetaData(ALICE)))
                    .toArray(CompletableFuture[]::new)).join();
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenCaseCommand(caseId, "Ring",
                    CaseCategory.USAGE_POLICY, Severity.CRITICAL, "restart", ids)).andMetaData(ALICE));
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RequestCaseEnforcementCommand(caseId,
                    enforcementId, ActionKind.SUSPEND, "campaign")).andMetaData(ALICE));

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> caseEvents(jdbc, "CaseEnforcementProgressedEvent") > 0);
        }

        JdbcTemplate between = jdbc();
        assertThat(caseEvents(between, "CaseEnforcementCompletedEvent"))
                .as("the first application stopped before the takedown ended").isZero();
        long suspendedBefore = suspensions(between);
        assertThat(suspendedBefore).isGreaterThan(0).isLessThan(ACCOUNTS);

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> caseEvents(jdbc, "CaseEnforcementCompletedEvent") == 1);

            assertThat(suspensions(jdbc)).isEqualTo(ACCOUNTS);
            assertThat(jdbc.queryForObject("""
                    select count(*) from (
                      select aggregate_identifier from domain_event_entry
                      where payload_type like '%AccountSuspendedEvent' group by aggregate_identifier
                      having count(*) > 1) twice
                    """, Long.class)).as("accounts suspended twice").isZero();
            assertThat(jdbc.queryForObject("""
                    select convert_from(payload, 'UTF8') from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%CaseEnforcementCompletedEvent'
                    """, String.class, caseId))
                    .contains("\"done\":" + ACCOUNTS).contains("\"skipped\":0").contains("\"failed\":0");
        }
    }

    private long caseEvents(JdbcTemplate jdbc, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, caseId, "%" + type);
    }

    private static long suspensions(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%AccountSuspendedEvent'",
                Long.class);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.url(),
                database.user(), database.password()));
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run("--server.port=0", "--warden.db.url=" + database.url(), "--warden.db.user=" + database.user(),
                        "--warden.db.password=" + (database.password() == null ? "" : database.password()), "--warden.takedown.chunk-size=25", "--warden.takedown.parallelism=2",
                        "--warden.takedown.approval-threshold=100000");
    }
}
