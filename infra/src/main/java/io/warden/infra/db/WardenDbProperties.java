package io.warden.infra.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where Warden keeps its data. With {@code url} set ({@code WARDEN_DB_URL}) it uses that PostgreSQL; without, it
 * runs its own embedded PostgreSQL whose files live in {@code embedded.data-dir}.
 *
 * @param url      JDBC URL of an external PostgreSQL, e.g. {@code jdbc:postgresql://db:5432/warden}
 * @param user     user for {@code url}
 * @param password password for {@code url}
 * @param poolSize maximum connections in the pool (commands, projections and queries share it)
 * @param embedded settings of the embedded server, used only without {@code url}
 */
@ConfigurationProperties("warden.db")
public record WardenDbProperties(String url, String user, String password, @DefaultValue("20") int poolSize,
                                 @DefaultValue Embedded embedded) {

    /** @param dataDir directory holding the embedded server's files; kept between runs */
    public record Embedded(@DefaultValue("./data/postgres") Path dataDir) {
    }
}
