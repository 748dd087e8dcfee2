package io.warden.infra.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** What the export-control tests add to {@link ApiTestSupport}: multipart uploads, PUT, and event-store probes. */
abstract class ExportControlTestSupport extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Uploads {@code content} as the multipart part {@code file}, as {@code curl -F file=@…} does. */
    ApiClient.Response upload(String user, String path, String filename, byte[] content) {
        return upload(user, path, filename, content, null);
    }

    ApiClient.Response upload(String user, String path, String filename, byte[] content, String idempotencyKey) {
        String boundary = "warden-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(user, request);
    }

    ApiClient.Response put(String user, String path, Object body) {
        return send(user, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))));
    }

    private static ApiClient.Response send(String user, HttpRequest.Builder builder) {
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        }
        builder.timeout(Duration.ofSeconds(120));
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    /** The stored ViolationRecordedEvent payloads of an account with the given policy, as JSON text. */
    List<String> violations(String accountId, String policy) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ViolationRecordedEvent'
                order by sequence_number""", String.class, accountId).stream()
                .filter(json -> json.contains("\"policy\":\"" + policy + "\"")).toList();
    }

    /** Waits (up to 30 s, the machine is shared) until the account has {@code count} violations of {@code policy}. */
    List<String> awaitViolations(String accountId, String policy, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> violations(accountId, policy).size() >= count);
        return violations(accountId, policy);
    }

    String metaDataOfEvent(String accountId, String policy) {
        return jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ViolationRecordedEvent'
                  and convert_from(payload, 'UTF8') like ?
                order by sequence_number""", String.class, accountId, "%\"policy\":\"" + policy + "\"%").get(0);
    }

    static Map<String, Object> registration(String accountId, String organization, String organizationId, String country) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("organization", organization);
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        body.put("country", country);
        body.put("tier", "ENTERPRISE");
        return body;
    }
}
