package io.warden.infra.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes a fresh, empty database per test class. With {@code WARDEN_TEST_DB_URL} (an admin JDBC URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with optional {@code WARDEN_TEST_DB_USER} and
 * {@code WARDEN_TEST_DB_PASSWORD}) the databases are created on that server and dropped when the JVM exits;
 * without it, one embedded PostgreSQL is started for the JVM and holds them all, so the tests also run on a laptop
 * with nothing installed.
 */
public final class TestDatabases {

    private static final int MAX_IDENTIFIER = 63;

    private TestDatabases() {
    }

    /** A new database named after {@code testClass}. */
    public static TestDatabase createFor(Class<?> testClass) {
        String name = nameFor(testClass);
        Server server = Server.get();
        try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.describe(), e);
        }
        return server.database(name);
    }

    static String nameFor(Class<?> testClass) {
        String prefix = "warden_it_";
        String suffix = "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String className = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        int room = MAX_IDENTIFIER - prefix.length() - suffix.length();
        return prefix + (className.length() > room ? className.substring(0, room) : className) + suffix;
    }

    private abstract static class Server {

        private static Server instance;

        static synchronized Server get() {
            if (instance == null) {
                String url = System.getenv("WARDEN_TEST_DB_URL");
                instance = url == null || url.isBlank() ? new Embedded() : new External(url,
                        envOrDefault("WARDEN_TEST_DB_USER", "postgres"), envOrDefault("WARDEN_TEST_DB_PASSWORD", ""));
            }
            return instance;
        }

        abstract Connection admin() throws SQLException;

        abstract TestDatabase database(String name);

        abstract String describe();

        private static String envOrDefault(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }
    }

    private static final class External extends Server {

        private final String adminUrl;
        private final String user;
        private final String password;
        private final List<String> created = new CopyOnWriteArrayList<>();

        External(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
            Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "drop-test-databases"));
        }

        @Override
        Connection admin() throws SQLException {
            return DriverManager.getConnection(adminUrl, user, password);
        }

        @Override
        TestDatabase database(String name) {
            created.add(name);
            return new TestDatabase(name, withDatabase(adminUrl, name), user, password);
        }

        @Override
        String describe() {
            return adminUrl;
        }

        /** By JVM exit every Spring context of the tests has closed; FORCE ends any connection left behind. */
        private void dropAll() {
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                for (String name : created) {
                    statement.execute("drop database if exists " + name + " with (force)");
                }
            } catch (SQLException e) {
                System.err.println("could not drop test databases " + created + ": " + e.getMessage());
            }
        }

        /** {@code jdbc:postgresql://host:port/postgres?ssl=true} with {@code name} in place of {@code postgres}. */
        static String withDatabase(String url, String name) {
            int hostStart = url.indexOf("//");
            int pathStart = url.indexOf('/', hostStart + 2);
            int queryStart = url.indexOf('?');
            String hostPart = pathStart < 0 ? (queryStart < 0 ? url : url.substring(0, queryStart))
                    : url.substring(0, pathStart);
            String query = queryStart < 0 ? "" : url.substring(queryStart);
            return hostPart + "/" + name + query;
        }
    }

    private static final class Embedded extends Server {

        private final EmbeddedPostgres postgres;

        Embedded() {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
            }
        }

        @Override
        Connection admin() throws SQLException {
            return postgres.getPostgresDatabase().getConnection();
        }

        @Override
        TestDatabase database(String name) {
            return new TestDatabase(name, postgres.getJdbcUrl("postgres", name), "postgres", "");
        }

        @Override
        String describe() {
            return "the embedded PostgreSQL on port " + postgres.getPort();
        }
    }
}
