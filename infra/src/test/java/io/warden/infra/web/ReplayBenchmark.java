package io.warden.infra.web;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseTier;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.api.types.WardenMetaData;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures (asserts nothing) how fast the projections follow and rebuild a history shaped like the seed incident,
 * scaled: accounts, about a third of them in three campaigns, each campaign a case, the largest taken down, and
 * violations (most of them on campaign accounts) until the store holds {@code REPLAY_EVENTS} events. The history is
 * appended to the event store directly (real event types, metadata and Axon's event serializer, the rows
 * Axon's JPA engine would write, no command handling), in JDBC batches of 2,000 events; the processors follow it live. Then every replayable processor is replayed through
 * the API at once and timed until each has caught up; then the dashboard, account view and audit trail are queried.
 * <p>
 * Run by hand:
 * {@code ./mvnw -B -o verify -pl infra -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplayBenchmark -DargLine=-Xmx512m}
 * (environment: {@code REPLAY_EVENTS}, default 300,000; {@code REPLAY_ACCOUNTS}, default 30,000;
 * {@code REPLAY_BATCH} for {@code warden.processors.batch-size}, {@code REPLAY_FETCH} for
 * {@code warden.event-store.batch-size}, {@code REPLAY_AXON_METRICS=false} to turn Axon's per-message metrics off, {@code REPLAY_QUERIES} per endpoint, default 300;
 * {@code REPLAY_REPLAY=false} to time only the live catch-up and the queries).
 */
@TestPropertySource(properties = {"warden.processors.batch-size=${REPLAY_BATCH:500}",
        "warden.event-store.batch-size=${REPLAY_FETCH:500}",
        "axon.metrics.auto-configuration.enabled=${REPLAY_AXON_METRICS:true}"})
class ReplayBenchmark extends ApiTestSupport {

    private static final int EVENTS = Integer.parseInt(System.getenv().getOrDefault("REPLAY_EVENTS", "300000"));
    private static final int ACCOUNTS = Integer.parseInt(System.getenv().getOrDefault("REPLAY_ACCOUNTS", "30000"));
    private static final int QUERIES = Integer.parseInt(System.getenv().getOrDefault("REPLAY_QUERIES", "300"));
    private static final boolean REPLAY = !"false".equals(System.getenv("REPLAY_REPLAY"));
    private static final int TX = 2_000;
    private static final String[] COUNTRIES = {"SG", "US", "DE", "GB", "JP", "BR", "IN", "NL"};
    private static final String[] POLICIES = {"DISTILLATION", "SCRAPING", "UNSUPPORTED_REGION", "RATE_ABUSE"};

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    TransactionManager transactions;

    private final Random random = new Random(6);
    private final List<EventMessage<?>> pending = new ArrayList<>(TX);
    private final Map<String, Long> sequences = new HashMap<>();
    private long appended;

    @Test
    void replay_of_every_processor() {
        long buildStart = System.nanoTime();
        long buildCpu = cpuNanos();
        buildHistory();
        long built = System.nanoTime();
        long total = rowCount("domain_event_entry");
        awaitCaughtUp(Duration.ofMinutes(30));
        long caughtUp = System.nanoTime();
        System.out.printf("REPLAY BENCHMARK: %d events appended in %.1f s; live processors caught up %.1f s after the "
                        + "append finished (%.0f events/s from the start of the append; %.1f CPU-seconds of this JVM)%n",
                total, (built - buildStart) / 1e9, (caughtUp - built) / 1e9, total / ((caughtUp - buildStart) / 1e9),
                (cpuNanos() - buildCpu) / 1e9);

        queries("before replay");
        if (!REPLAY) {
            return;
        }

        List<String> processors = Processors.replayableNames(erin);
        Map<String, Double> seconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        for (String processor : processors) {
            ApiClient.Response accepted = erin.post("/api/v1/admin/processors/" + processor + "/replay", Map.of());
            if (accepted.status() != 202) {
                throw new IllegalStateException(processor + ": " + accepted);
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (seconds.size() < processors.size() && System.nanoTime() < deadline) {
            for (JsonNode p : Processors.list(erin)) {
                String name = p.get("name").asString();
                if (processors.contains(name) && !seconds.containsKey(name)
                        && p.get("replaysCompleted").asLong() >= 1 && Processors.caughtUp(p)) {
                    seconds.put(name, (System.nanoTime() - start) / 1e9);
                }
            }
            sleep(100);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf("REPLAY BENCHMARK: replay of all %d processors over %d events: %.1f s, %.0f events/s "
                        + "(batch size %s); this JVM used %.1f CPU-seconds meanwhile (the machine is shared: CPU time "
                        + "varies less with the other load than wall time)%n", processors.size(), total, wall, total / wall,
                System.getenv().getOrDefault("REPLAY_BATCH", "500"), cpu);
        seconds.forEach((name, s) -> System.out.printf("REPLAY BENCHMARK:   %-18s caught up after %6.1f s (%.0f events/s)%n",
                name, s, total / s));
        queries("after replay");
    }

    private void queries(String when) {
        List<String> accounts = jdbc.queryForList("select account_id from account_view order by account_id", String.class);
        Map<String, java.util.function.Supplier<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("dashboard", () -> "/api/v1/dashboard");
        endpoints.put("account view", () -> "/api/v1/accounts/" + accounts.get(random.nextInt(accounts.size())));
        endpoints.put("account audit", () -> "/api/v1/accounts/" + accounts.get(random.nextInt(accounts.size())) + "/audit");
        endpoints.put("global audit page", () -> "/api/v1/audit?page=" + random.nextInt(20) + "&size=50");
        for (var endpoint : endpoints.entrySet()) {
            for (int i = 0; i < 20; i++) {
                carol.get(endpoint.getValue().get());
            }
            double[] ms = new double[QUERIES];
            int failures = 0;
            for (int i = 0; i < QUERIES; i++) {
                long t = System.nanoTime();
                ApiClient.Response response = carol.get(endpoint.getValue().get());
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (response.status() != 200) {
                    failures++;
                }
            }
            Arrays.sort(ms);
            System.out.printf("REPLAY BENCHMARK: %s, %-17s p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms (%d requests, %d not 200)%n",
                    when, endpoint.getKey(), ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1],
                    ms[ms.length - 1], QUERIES, failures);
        }
    }

    /** Registrations, a third of the violations, three campaign cases, a takedown of the largest, the rest. */
    private void buildHistory() {
        int campaignAccounts = ACCOUNTS * 24 / 74;
        int[] campaignSizes = {campaignAccounts / 2, campaignAccounts * 3 / 10, campaignAccounts - campaignAccounts / 2 - campaignAccounts * 3 / 10};
        List<String> ids = new ArrayList<>(ACCOUNTS);
        for (int i = 0; i < ACCOUNTS; i++) {
            String id = String.format("rb-%06d", i);
            ids.add(id);
            boolean campaign = i < campaignAccounts;
            append("Account", id, new AccountRegisteredEvent(id, campaign ? "Campaign Firm " + campaignOf(i, campaignSizes) : "Org " + (i % 5000),
                    null, COUNTRIES[i % COUNTRIES.length], i % 10 == 0 ? Tier.ENTERPRISE : i % 3 == 0 ? Tier.PRO : Tier.FREE), "dave", "DETECTOR");
        }
        int fixed = ACCOUNTS + 3 * (2 + campaignAccounts / 10_000) + campaignSizes[0] + campaignSizes[0] / 500 + 5;
        int violations = Math.max(0, EVENTS - fixed);
        int firstPart = violations / 3;
        violations(ids, campaignAccounts, firstPart);

        String[] cases = new String[3];
        int from = 0;
        for (int c = 0; c < 3; c++) {
            cases[c] = UUID.nameUUIDFromBytes(("case-" + c).getBytes()).toString();
            append("Case", cases[c], new CaseOpenedEvent(cases[c], "Campaign " + c, CaseCategory.MIXED, Severity.CRITICAL,
                    "coordinated distillation", CaseTier.T1_TRIAGE, "alice"), "alice", "ENFORCER");
            List<String> members = ids.subList(from, from + campaignSizes[c]);
            for (int i = 0; i < members.size(); i += 10_000) {
                List<String> chunk = List.copyOf(members.subList(i, Math.min(members.size(), i + 10_000)));
                append("Case", cases[c], new AccountsLinkedToCaseEvent(cases[c], chunk, Math.min(members.size(), i + 10_000)),
                        "alice", "ENFORCER");
            }
            from += campaignSizes[c];
        }

        String enforcement = UUID.nameUUIDFromBytes("takedown".getBytes()).toString();
        List<String> largest = ids.subList(0, campaignSizes[0]);
        append("Case", cases[0], new CaseEnforcementRequestedEvent(cases[0], enforcement, ActionKind.SUSPEND, "campaign",
                largest.size(), "alice", false), "alice", "ENFORCER");
        append("Case", cases[0], new CaseEnforcementStartedEvent(cases[0], enforcement, ActionKind.SUSPEND, "campaign",
                largest.size(), "alice", null), "alice", "ENFORCER");
        for (int i = 0; i < largest.size(); i++) {
            String actionId = UUID.nameUUIDFromBytes(("suspend-" + i).getBytes()).toString();
            append("Account", largest.get(i), new AccountSuspendedEvent(largest.get(i), actionId, "campaign",
                    EnforcementGrounds.ofCase(cases[0]), "alice", null), "alice", "ENFORCER");
            if (i == 0) {
                append("Case", cases[0], new CaseFirstEnforcedEvent(cases[0], largest.get(0), actionId, ActionKind.SUSPEND),
                        "alice", "ENFORCER");
            }
            if ((i + 1) % 500 == 0 || i == largest.size() - 1) {
                append("Case", cases[0], new CaseEnforcementProgressedEvent(cases[0], enforcement, i + 1, 0, 0,
                        largest.get(i), List.of(), List.of(), i == largest.size() - 1), "system:takedown", "ENFORCER");
            }
        }
        append("Case", cases[0], new CaseEnforcementCompletedEvent(cases[0], enforcement, ActionKind.SUSPEND,
                largest.size(), largest.size(), 0, 0), "system:takedown", "ENFORCER");

        violations(ids, campaignAccounts, Math.max(0, EVENTS - (int) appended - pending.size()));
        flush();
    }

    private static int campaignOf(int index, int[] sizes) {
        return index < sizes[0] ? 0 : index < sizes[0] + sizes[1] ? 1 : 2;
    }

    /** Nine in ten on campaign accounts; the rest on the legitimate ones. */
    private void violations(List<String> ids, int campaignAccounts, int count) {
        for (int i = 0; i < count; i++) {
            String account = random.nextInt(10) < 9
                    ? ids.get(random.nextInt(campaignAccounts))
                    : ids.get(campaignAccounts + random.nextInt(ids.size() - campaignAccounts));
            boolean export = random.nextInt(4) == 0;
            append("Account", account, new ViolationRecordedEvent(account, "v-" + UUID.randomUUID(),
                    export ? ViolationCategory.EXPORT_CONTROL : ViolationCategory.USAGE_POLICY,
                    POLICIES[random.nextInt(POLICIES.length)], Severity.values()[random.nextInt(4)],
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000)),
                    new Evidence("distill-watch", "near-identical prompts", 0.9, 40_000L, export ? "SG" : null)),
                    "dave", "DETECTOR");
        }
    }

    private void append(String type, String aggregateId, Object payload, String actor, String roles) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        String id = UUID.randomUUID().toString();
        MetaData metaData = MetaData.with(WardenMetaData.ACTOR, actor).and(WardenMetaData.ACTOR_ROLES, roles)
                .and(WardenMetaData.CORRELATION_ID, id).and(WardenMetaData.CAUSATION_ID, id);
        pending.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData));
        if (pending.size() == TX) {
            flush();
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        // what JpaEventStorageEngine would write, with one JDBC batch instead of an entity (and a sequence call) each
        List<EventMessage<?>> batch = List.copyOf(pending);
        transactions.executeInTransaction(() -> jdbc.batchUpdate("insert into domain_event_entry (global_index, "
                + "aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type, payload_revision, "
                + "payload, meta_data) values (nextval('domain_event_entry_seq'),?,?,?,?,?,?,?,?,?)", batch, TX, (ps, e) -> {
            DomainEventMessage<?> event = (DomainEventMessage<?>) e;
            SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
            ps.setString(1, event.getAggregateIdentifier());
            ps.setLong(2, event.getSequenceNumber());
            ps.setString(3, event.getType());
            ps.setString(4, event.getIdentifier());
            ps.setString(5, DateTimeFormatter.ISO_INSTANT.format(event.getTimestamp()));
            ps.setString(6, payload.getType().getName());
            ps.setString(7, payload.getType().getRevision());
            ps.setBytes(8, payload.getData());
            ps.setBytes(9, serializer.serialize(event.getMetaData(), byte[].class).getData());
        }));
        appended += batch.size();
        pending.clear();
    }

    private void awaitCaughtUp(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (JsonNode p : Processors.list(erin)) {
                all &= Processors.caughtUp(p);
            }
            if (all) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("processors did not catch up: " + Processors.list(erin));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
