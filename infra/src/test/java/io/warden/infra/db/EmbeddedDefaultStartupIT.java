package io.warden.infra.db;

import io.warden.api.types.Tier;
import io.warden.command.account.RegisterAccountCommand;
import io.warden.command.common.CommandResult;
import io.warden.infra.WardenApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Started with no configuration, Warden runs on its own embedded PostgreSQL and keeps its data across restarts. */
@ExtendWith(OutputCaptureExtension.class)
@DisabledIfEnvironmentVariable(named = "WARDEN_DB_URL", matches = ".+",
        disabledReason = "this test is about starting without a configured database")
class EmbeddedDefaultStartupIT {

    @TempDir
    Path workDir;

    @Test
    void starts_on_an_embedded_postgres_and_finds_its_events_again_after_a_restart(CapturedOutput output)
            throws Exception {
        Path dataDir = workDir.resolve("postgres");
        String accountId = "acc-embedded-1";
        RegisterAccountCommand register = new RegisterAccountCommand(accountId, "Lumen Analytics Ltd.", "org-1", "SG",
                Tier.PRO);

        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(health(first)).isEqualTo(200);
            assertThat(first.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
            assertThat(output).contains("Using embedded PostgreSQL at").contains("(data in " + dataDir + ")");

            CommandResult registered = first.getBean(CommandGateway.class).sendAndWait(register);
            assertThat(registered.changed()).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(health(second)).isEqualTo(200);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, accountId))
                    .isEqualTo(1L);
            // the same registration again is a no-op only if the aggregate was rebuilt from the stored event
            CommandResult again = second.getBean(CommandGateway.class).sendAndWait(register);
            assertThat(again.changed()).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run("--server.port=0", "--warden.db.embedded.data-dir=" + dataDir);
    }

    private static int health(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"status\":\"UP\"");
        return response.statusCode();
    }
}
