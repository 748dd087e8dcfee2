package io.warden.infra.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Base of the integration tests that run the whole application on a real PostgreSQL. Each subclass gets its own
 * empty database, migrated by Flyway at start-up (see {@link TestDatabases} for where it lives), its own application
 * context on a random port, closed after the class so that contexts do not pile up.
 * <p>
 * A test reaches the application through {@link #port} (HTTP), autowired beans (a {@code CommandGateway}, say) and
 * the database through {@link #jdbc}, which runs on the application's own pool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextCustomizerFactories(TestDatabaseContextCustomizerFactory.class)
public abstract class IntegrationTest {

    /** Plain SQL on this class's database. */
    @Autowired
    protected JdbcTemplate jdbc;

    /** Name, URL and credentials of this class's database. */
    @Autowired
    protected TestDatabase testDatabase;

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Rows in {@code table}; the name is trusted, it comes from the test. */
    protected long rowCount(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
