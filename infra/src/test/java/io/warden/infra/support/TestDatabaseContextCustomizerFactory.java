package io.warden.infra.support;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Gives the Spring context of each {@link IntegrationTest} class a new database and points {@code warden.db.*} at
 * it. A customizer rather than a static {@code @DynamicPropertySource}, because it knows which class it serves:
 * the database is named after the class, and two classes never share a cached context (and so a database).
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new PerClassDatabase(testClass);
    }

    private record PerClassDatabase(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestDatabases.createFor(testClass);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("warden-test-database", Map.of(
                    "warden.db.url", database.url(),
                    "warden.db.user", database.user(),
                    "warden.db.password", database.password())));
            context.getBeanFactory().registerSingleton("testDatabase", database);
        }
    }
}
