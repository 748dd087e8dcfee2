package io.warden.infra.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API. {@code maxRequestSize} bounds every request body; the largest legitimate one is a batch
 * of 10,000 violations (a few MB).
 */
@ConfigurationProperties("warden.http")
public record HttpProperties(DataSize maxRequestSize) {

    public HttpProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(16) : maxRequestSize;
    }
}
