package io.warden.infra.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client as a gateway would write one: java.net.http and a line reader. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    private SseClient(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    static SseClient open(int port, String user, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        SseClient client = new SseClient(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()));
        client.response.thenAccept(r -> {
            client.status = r.statusCode();
            Thread reader = new Thread(() -> client.read(r.body()), "sse-client");
            reader.setDaemon(true);
            reader.start();
        });
        return client;
    }

    int status() throws Exception {
        return response.get(30, TimeUnit.SECONDS).statusCode();
    }

    String contentType() throws Exception {
        return response.get(30, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, or null after {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0 || current[0] != null) {
                        events.add(new Event(current[0], current[1], data.toString()));
                    }
                    current[0] = null;
                    current[1] = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5));
                }
            });
        } catch (RuntimeException closed) {
            // the stream ended (close() or the server's timeout)
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
