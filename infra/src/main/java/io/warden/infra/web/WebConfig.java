package io.warden.infra.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

@Configuration
@EnableConfigurationProperties(HttpProperties.class)
class WebConfig {

    /**
     * Axon registers every command handler interceptor bean on the command bus, after the interceptor that opens the
     * transaction, so this one runs inside each command's transaction.
     */
    @Bean
    IdempotencyInterceptor idempotencyInterceptor(JdbcTemplate jdbc, ObjectMapper mapper) {
        return new IdempotencyInterceptor(jdbc, mapper);
    }
}
