package io.warden.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Warden's HTTP API as a client sees it: HTTP Basic with the contract's demo users, JSON in and out. */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The demo users of the API contract (password: name + "-pw"). */
    enum User {
        ALICE("alice"), BOB("bob"), CAROL("carol"), DAVE("dave"), ERIN("erin");

        final String header;

        User(String name) {
            this.header = "Basic " + Base64.getEncoder().encodeToString((name + ":" + name + "-pw").getBytes(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    final String base;
    final String api;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.api = base + "/api/v1";
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Response get(User user, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().header("Authorization", user.header)
                .header("Accept", "application/json"));
    }

    /** A GET answered in plain text (the Prometheus endpoint refuses application/json). */
    Response getText(User user, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().header("Authorization", user.header)
                .header("Accept", "text/plain"));
    }

    Response getOpen(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    Response post(User user, String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", user.header)
                .header("Content-Type", "application/json").header("Accept", "application/json"));
    }

    Response postMultipart(User user, String path, String fileName, byte[] content) {
        String boundary = "----warden-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(all))
                .header("Authorization", user.header)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** Fails the run on a non-2xx answer, naming it. */
    static Response expectOk(Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + ": HTTP " + r.status() + " " + abbreviate(r.body()));
        }
        return r;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    private String url(String path) {
        return path.startsWith("/actuator") ? base + path : api + path;
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest r = request.timeout(Duration.ofSeconds(120)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
                return new Response(answer.statusCode(), answer.body());
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
                }
                sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
