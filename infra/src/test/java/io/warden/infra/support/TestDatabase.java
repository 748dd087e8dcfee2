package io.warden.infra.support;

/**
 * A database of its own for one test class, on the server named by {@code WARDEN_TEST_DB_URL} or on the embedded
 * server of this JVM. {@link IntegrationTest}s find it as a bean.
 *
 * @param name     the database name, {@code warden_it_<class>_<random>}
 * @param url      JDBC URL of the database
 * @param user     user to connect as
 * @param password password, empty when the server trusts the user
 */
public record TestDatabase(String name, String url, String user, String password) {
}
