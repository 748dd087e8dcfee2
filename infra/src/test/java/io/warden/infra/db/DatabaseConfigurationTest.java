package io.warden.infra.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseConfigurationTest {

    @Test
    void a_logged_url_shows_no_password() {
        assertThat(DatabaseConfiguration.withoutSecrets("jdbc:postgresql://db:5432/warden?user=w&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/warden?user=w&password=***&ssl=true");
        assertThat(DatabaseConfiguration.withoutSecrets("jdbc:postgresql://w:s3cret@db:5432/warden"))
                .isEqualTo("jdbc:postgresql://db:5432/warden");
        assertThat(DatabaseConfiguration.withoutSecrets("jdbc:postgresql://db:5432/warden"))
                .isEqualTo("jdbc:postgresql://db:5432/warden");
    }
}
