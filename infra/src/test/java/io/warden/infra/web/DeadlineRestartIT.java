package io.warden.infra.web;

import io.warden.infra.WardenApplication;
import io.warden.infra.support.TestDatabase;
import io.warden.infra.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline whose time passes while no application runs fires when one starts again: two application contexts,
 * one after the other, on the same database, and the proposal's expiry is recorded by the second.
 */
class DeadlineRestartIT {

    private static ConfigurableApplicationContext start(TestDatabase database) {
        // command-line arguments, because they outrank application.yml (default properties would not)
        return new SpringApplicationBuilder(WardenApplication.class).run(
                "--warden.db.url=" + database.url(),
                "--warden.db.user=" + database.user(),
                "--warden.db.password=" + database.password(),
                "--server.port=0",
                "--warden.approvals.expire-after=6s",
                "--warden.deadlines.polling-interval=500ms");
    }

    private static ApiClient client(ConfigurableApplicationContext context, String user) {
        return ApiClient.on(Integer.parseInt(context.getEnvironment().getProperty("local.server.port"))).as(user);
    }

    private static List<String> eventTypes(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, aggregateId).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    @Test
    void a_proposal_whose_expiry_passed_while_the_application_was_down_expires_after_the_restart() throws Exception {
        TestDatabase database = TestDatabases.createFor(DeadlineRestartIT.class);
        String account = ApiTestSupport.newId("acct");
        String violationId = ApiTestSupport.newId("v");
        Instant expiresAt;

        try (ConfigurableApplicationContext first = start(database)) {
            ApiClient alice = client(first, "alice");
            assertThat(alice.post("/api/v1/accounts", ApiTestSupport.account(account, "FREE")).status()).isEqualTo(201);
            assertThat(client(first, "dave").post("/api/v1/accounts/" + account + "/violations",
                    ApiTestSupport.violation(violationId)).status()).isEqualTo(201);
            ApiClient.Response proposed = alice.post("/api/v1/accounts/" + account + "/ban",
                    ApiTestSupport.citing("campaign", List.of(violationId)));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
            expiresAt = Instant.now().plusSeconds(6);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class)).isEqualTo(1);
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet expired = statement.executeQuery("select count(*) from domain_event_entry "
                     + "where payload_type like '%EnforcementExpiredEvent'")) {
            expired.next();
            assertThat(expired.getLong(1)).as("expired while the first application ran").isZero();
        }

        // the application is down while the proposal's time runs out
        while (!Instant.now().isAfter(expiresAt.plusSeconds(1))) {
            Thread.sleep(200);
        }

        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            DeadlinesIT.eventually("EnforcementExpiredEvent after the restart",
                    () -> eventTypes(jdbc, account).contains("EnforcementExpiredEvent"));
            // db-scheduler removes an executed one-time task after the handler's transaction has committed
            DeadlinesIT.eventually("the fired deadline's task removed",
                    () -> jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class) == 0);
        }
    }
}
