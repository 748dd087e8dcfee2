package io.warden.infra.query;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the query side's package to the auto-configuration packages, so its JPA entities and Spring Data
 * repositories are found beside Axon's own entities (which Axon registers itself; an {@code @EntityScan} here would
 * replace rather than add).
 */
@Configuration
@AutoConfigurationPackage(basePackages = "io.warden.query")
public class QuerySideConfig {
}
