package io.warden.infra.web;

import io.warden.api.types.Tier;
import io.warden.api.types.WardenMetaData;
import io.warden.command.account.RegisterAccountCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Measures (asserts nothing) the command side against raw JDBC on the same database and pool:
 * <ul>
 *     <li>bulk intake: {@code POST /api/v1/violations:batch} with 10,000 items over {@code INTAKE_ACCOUNTS} accounts,
 *     in events per second, against a batched insert of event-shaped rows (a copy of {@code domain_event_entry},
 *     same payload size, 500 rows per JDBC batch and transaction);</li>
 *     <li>single commands: account registrations over HTTP by 16 clients, in commands per second, against 16 JDBC
 *     clients each inserting one event-shaped row per transaction.</li>
 * </ul>
 * Run by hand:
 * {@code ./mvnw -B -o verify -pl infra -am -Dtest=NONE -Dit.test=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (environment: {@code INTAKE_ACCOUNTS}, {@code INTAKE_BATCHES}, {@code SINGLE_SECONDS}).
 */
class IntakeBenchmark extends ApiTestSupport {

    private static final int ACCOUNTS = Integer.parseInt(System.getenv().getOrDefault("INTAKE_ACCOUNTS", "2000"));
    private static final int BATCHES = Integer.parseInt(System.getenv().getOrDefault("INTAKE_BATCHES", "5"));
    private static final int SINGLE_SECONDS = Integer.parseInt(System.getenv().getOrDefault("SINGLE_SECONDS", "20"));
    private static final int CLIENTS = 16;
    private static final MetaData ALICE = MetaData.with(WardenMetaData.ACTOR, "alice");

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource dataSource;

    @Test
    void bulk_intake_against_batched_jdbc_inserts() throws Exception {
        String prefix = newId("ib");
        List<String> ids = IntStream.range(0, ACCOUNTS).mapToObj(i -> prefix + "-" + i).toList();
        CompletableFuture.allOf(ids.stream().map(id -> commands.send(GenericCommandMessage.asCommandMessage(
                new RegisterAccountCommand(id, "Lumen", null, "SG", Tier.PRO)).andMetaData(ALICE)))
                .toArray(CompletableFuture[]::new)).join();
        String payload = samplePayload();

        // warm-up: one batch, not counted
        postBatch(items(ids, "warm"));
        long events = 0;
        long start = System.nanoTime();
        for (int b = 0; b < BATCHES; b++) {
            events += ApiClient.JSON.readTree(postBatch(items(ids, "b" + b))).get("accepted").asLong();
        }
        double intake = events / ((System.nanoTime() - start) / 1e9);

        createRawTable();
        long rows = 0;
        start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(RAW_INSERT)) {
                for (int i = 0; i < BATCHES * 10_000; i++) {
                    bind(insert, ids.get(i % ids.size()), 1_000_000 + i, payload);
                    insert.addBatch();
                    if (++rows % 500 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        double raw = rows / ((System.nanoTime() - start) / 1e9);
        System.out.printf("INTAKE BENCHMARK: %d batches of 10,000 items over %d accounts: %.0f events/s; raw batched "
                + "JDBC insert: %.0f rows/s; ratio %.2f%n", BATCHES, ACCOUNTS, intake, raw, intake / raw);
    }

    @Test
    void single_commands_at_16_clients_against_single_row_transactions() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            String prefix = newId("sc");
            // warm-up, not counted
            runFor(clients, 3, (client, n) -> alice.post("/api/v1/accounts", account(prefix + "-w" + client + "-" + n, "PRO")));
            long registered = runFor(clients, SINGLE_SECONDS, (client, n) -> {
                ApiClient.Response r = alice.post("/api/v1/accounts", account(prefix + "-" + client + "-" + n, "PRO"));
                if (r.status() != 201) {
                    throw new IllegalStateException(r.toString());
                }
            });
            double http = registered / (double) SINGLE_SECONDS;

            createRawTable();
            String payload = samplePayload();
            long inserted = runFor(clients, SINGLE_SECONDS, (client, n) -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement(RAW_INSERT)) {
                    connection.setAutoCommit(false);
                    bind(insert, prefix + "-raw-" + client + "-" + n, 0, payload);
                    insert.executeUpdate();
                    connection.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            double raw = inserted / (double) SINGLE_SECONDS;
            System.out.printf("SINGLE COMMAND BENCHMARK: %d clients, %d s: %.0f registrations/s over HTTP; raw "
                    + "single-row JDBC transactions: %.0f/s; ratio %.2f%n", CLIENTS, SINGLE_SECONDS, http, raw, http / raw);
        } finally {
            clients.shutdownNow();
        }
    }

    private interface Call {
        void run(int client, long n) throws Exception;
    }

    private static long runFor(ExecutorService clients, int seconds, Call call) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(CompletableFuture.runAsync(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    try {
                        call.run(client, n++);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    done.incrementAndGet();
                }
            }, clients));
        }
        running.forEach(CompletableFuture::join);
        return done.get();
    }

    /** Posts a batch as dave, waiting as long as it takes (the test client gives up after 60 s). */
    private String postBatch(List<Object> items) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/violations:batch"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dave:dave-pw".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of("violations", items))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static List<Object> items(List<String> accounts, String tag) {
        List<Object> items = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> item = violation(tag + "-" + i + "-" + UUID.randomUUID());
            item.put("accountId", accounts.get(i % accounts.size()));
            items.add(item);
        }
        return items;
    }

    private static final String RAW_INSERT = """
            insert into bench_raw_event (global_index, event_identifier, meta_data, payload, payload_revision,
                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
            values (nextval('bench_raw_event_seq'), ?, ?, ?, null, ?, ?, ?, ?, 'Account')""";

    private void createRawTable() {
        jdbc.execute("drop table if exists bench_raw_event");
        jdbc.execute("drop sequence if exists bench_raw_event_seq");
        jdbc.execute("create table bench_raw_event (like domain_event_entry including all)");
        jdbc.execute("create sequence bench_raw_event_seq");
    }

    /** The payload of a stored violation event, so that the raw rows are as large as Warden's. */
    private String samplePayload() {
        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where payload_type like '%ViolationRecordedEvent' limit 1", String.class);
        return payloads.isEmpty() ? "{\"accountId\":\"x\",\"violationId\":\"" + UUID.randomUUID()
                + "\",\"category\":\"USAGE_POLICY\",\"policy\":\"DISTILLATION\",\"severity\":\"HIGH\","
                + "\"detectedAt\":\"2026-02-23T09:15:00Z\",\"evidence\":{\"detector\":\"distill-watch\",\"summary\":"
                + "\"40k near-identical prompts in 2 h\",\"confidence\":0.97,\"interactionCount\":40000}}" : payloads.get(0);
    }

    private static void bind(PreparedStatement insert, String aggregateId, long sequence, String payload) throws Exception {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, ("{\"actor\":\"dave\",\"actorRoles\":\"DETECTOR\",\"correlationId\":\"" + UUID.randomUUID()
                + "\",\"causationId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(4, "io.warden.api.events.ViolationRecordedEvent");
        insert.setString(5, Instant.now().toString());
        insert.setString(6, aggregateId);
        insert.setLong(7, sequence);
    }
}
