package io.warden.infra.takedown;

import io.warden.api.types.ActionKind;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.WardenMetaData;
import io.warden.command.account.RegisterAccountCommand;
import io.warden.command.cases.LinkAccountsToCaseCommand;
import io.warden.command.cases.OpenCaseCommand;
import io.warden.command.cases.RequestCaseEnforcementCommand;
import io.warden.infra.support.IntegrationTest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * Measures (asserts nothing) a takedown of the seed incident's size: 24,000 accounts suspended, until the takedown
 * view says COMPLETED and the account view shows every account suspended. Run by hand:
 * {@code ./mvnw -B -q verify -pl infra -Dtest=NONE -Dit.test=TakedownBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (environment: {@code TAKEDOWN_ACCOUNTS}, {@code TAKEDOWN_PARALLELISM}, {@code TAKEDOWN_CHUNK_SIZE}, {@code TAKEDOWN_CACHE} for {@code warden.cache.aggregates},
 * {@code TAKEDOWN_PER_TRANSACTION} for {@code warden.takedown.accounts-per-transaction}).
 */
@TestPropertySource(properties = {"warden.takedown.approval-threshold=1000000",
        "warden.takedown.parallelism=${TAKEDOWN_PARALLELISM:4}", "warden.takedown.chunk-size=${TAKEDOWN_CHUNK_SIZE:500}",
        "warden.cache.aggregates=${TAKEDOWN_CACHE:10000}",
        "warden.takedown.accounts-per-transaction=${TAKEDOWN_PER_TRANSACTION:100}"})
class TakedownBenchmark extends IntegrationTest {

    private static final int ACCOUNTS = Integer.parseInt(System.getenv().getOrDefault("TAKEDOWN_ACCOUNTS", "24000"));
    private static final MetaData ALICE = MetaData.with(WardenMetaData.ACTOR, "alice");

    @Autowired
    CommandGateway commands;

    @Test
    void takedown_of_the_seed_incident() {
        String caseId = UUID.randomUUID().toString();
        List<String> ids = IntStream.range(0, ACCOUNTS).mapToObj(i -> String.format("bm-%06d", i)).toList();
        for (int from = 0; from < ids.size(); from += 2_000) {
            CompletableFuture.allOf(ids.subList(from, Math.min(ids.size(), from + 2_000)).stream()
                    .map(id -> commands.send(GenericCommandMessage.asCommandMessage(
                            new RegisterAccountCommand(id, "Lumen", null, "SG", Tier.PRO)).andMetaData(ALICE)))
                    .toArray(CompletableFuture[]::new)).join();
        }
        send(new OpenCaseCommand(caseId, "Seed incident", CaseCategory.MIXED, Severity.CRITICAL, "24k", List.of()));
        for (int from = 0; from < ids.size(); from += 10_000) {
            send(new LinkAccountsToCaseCommand(caseId, ids.subList(from, Math.min(ids.size(), from + 10_000))));
        }
        // let the projections drain the registrations first, so the figure is the takedown's own
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.queryForObject("select count(*) from account_view", Long.class) == ACCOUNTS);

        long start = System.nanoTime();
        send(new RequestCaseEnforcementCommand(caseId, UUID.randomUUID().toString(), ActionKind.SUSPEND, "benchmark"));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%CaseEnforcementCompletedEvent'", Long.class, caseId) == 1);
        long commandsDone = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.queryForObject("select count(*) from takedown_view where case_id = ? and status = 'COMPLETED'",
                        Long.class, caseId) == 1
                        && jdbc.queryForObject("select count(*) from account_view where status = 'SUSPENDED'",
                        Long.class) == ACCOUNTS);
        long consistent = System.nanoTime();
        System.out.printf("TAKEDOWN BENCHMARK: %d accounts (parallelism %s, chunk %s, per transaction %s), completed on the write side in %.1f s, read models "
                        + "consistent in %.1f s%n", ACCOUNTS, System.getenv().getOrDefault("TAKEDOWN_PARALLELISM", "4"),
                System.getenv().getOrDefault("TAKEDOWN_CHUNK_SIZE", "500"),
                System.getenv().getOrDefault("TAKEDOWN_PER_TRANSACTION", "100"), (commandsDone - start) / 1e9, (consistent - start) / 1e9);
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ALICE));
    }
}
