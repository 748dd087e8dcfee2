package io.warden.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The PostgreSQL server of a run: the one named by the admin URL when it answers, else an embedded one (data in a
 * temporary directory, closed at the end). Every database the run creates on it is dropped at {@link #close} unless
 * kept.
 */
final class Database implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path embeddedDir;
    private final List<String> created = new ArrayList<>();
    private final boolean keep;

    private Database(String host, int port, String user, String password, EmbeddedPostgres embedded, Path dir, boolean keep) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.embeddedDir = dir;
        this.keep = keep;
    }

    static Database open(String adminUrl, String user, String password, boolean keep) throws IOException {
        if (adminUrl != null) {
            try (Connection c = connect(adminUrl, user, password)) {
                String[] hp = hostPort(adminUrl);
                return new Database(hp[0], Integer.parseInt(hp[1]), user, password, null, null, keep);
            } catch (SQLException e) {
                System.out.println("[bench] " + adminUrl + " is not reachable (" + e.getMessage() + "): starting an embedded PostgreSQL");
            }
        }
        Path dir = Files.createTempDirectory("warden-bench-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setRegisterShutdownHook(false).start();
        return new Database("127.0.0.1", pg.getPort(), "postgres", null, pg, dir, keep);
    }

    boolean embedded() {
        return embedded != null;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return connect(url(database), user, password);
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }

    void create(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        created.add(database);
    }

    String version() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server settings that decide what a benchmark on it means, as the server reports them. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new TreeMap<>();
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, setting from pg_settings where name in "
                     + "('autovacuum', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_connections')")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }

    List<String> created() {
        return List.copyOf(created);
    }

    @Override
    public void close() {
        if (!keep) {
            for (String db : created) {
                try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + db + " with (force)");
                } catch (SQLException e) {
                    System.out.println("[bench] could not drop " + db + ": " + e.getMessage());
                }
            }
        } else {
            System.out.println("[bench] kept databases " + created + " on " + url("postgres"));
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.out.println("[bench] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static String[] hostPort(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return hostPort.contains(":") ? hostPort.split(":", 2) : new String[]{hostPort, "5432"};
    }
}
