package io.warden.infra.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one {@link DataSource} of the application: a Hikari pool on {@code warden.db.url} when it is set, otherwise on
 * an embedded PostgreSQL started from {@code warden.db.embedded.data-dir}, so that Warden runs with no configuration
 * at all and keeps its data between runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WardenDbProperties.class)
public class DatabaseConfiguration {

    static final String EMBEDDED_DATABASE = "warden";
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabaseConfigured.class)
    static class External {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(WardenDbProperties properties) {
            log.info("Using PostgreSQL at {}", withoutSecrets(properties.url()));
            return pool(properties.url(), properties.user(), properties.password(), properties.poolSize());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoExternalDatabaseConfigured.class)
    static class Embedded {

        /**
         * A bean, not a side effect of the data source: Spring destroys dependents first, so the server stops only
         * after the pool, JPA and the Axon processors that use it are gone.
         */
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres(WardenDbProperties properties) throws IOException {
            Path dataDir = properties.embedded().dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    // the library's default trades durability for speed; a ledger must keep what it acknowledged
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("Using embedded PostgreSQL at {} (data in {})",
                    server.getJdbcUrl("postgres", EMBEDDED_DATABASE), dataDir);
            return server;
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres server, WardenDbProperties properties) throws SQLException {
            createDatabaseIfMissing(server);
            return pool(server.getJdbcUrl("postgres", EMBEDDED_DATABASE), "postgres", null, properties.poolSize());
        }

        private static void createDatabaseIfMissing(EmbeddedPostgres server) throws SQLException {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                try (ResultSet existing = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'")) {
                    if (existing.next()) {
                        return;
                    }
                }
                statement.execute("create database " + EMBEDDED_DATABASE);
            }
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warden");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // one round trip for a batch of inserts (a linked campaign is thousands of rows)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** The URL as it may appear in a log: no password parameter, no user info. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//");
    }

    static final class ExternalDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("warden.db.url"));
        }
    }

    static final class NoExternalDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("warden.db.url"));
        }
    }
}
