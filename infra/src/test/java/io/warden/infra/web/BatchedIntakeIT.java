package io.warden.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk intake sends its items in chunks, one transaction per chunk, and a chunk with a bad item again item by item:
 * the answers are those of single commands, the event store holds exactly the good items' events with no gap in
 * any account's sequence numbers, and no state of an undone chunk survives in the aggregate cache.
 */
@TestPropertySource(properties = {"warden.intake.parallelism=2", "warden.intake.chunk-size=25"})
class BatchedIntakeIT extends ApiTestSupport {

    private static final int PARALLELISM = 2;

    @Test
    void an_unknown_account_in_a_chunk_rejects_its_item_only_and_leaves_nothing_of_the_undone_chunk_behind() {
        // ids that share a worker, so that the bad item is in the same chunk as the good ones
        String ghost = newId("ghost");
        String a = idOnWorkerOf(ghost, "acct");
        String b = idOnWorkerOf(ghost, "acct");
        assertThat(alice.post("/api/v1/accounts", account(a, "PRO")).status()).isEqualTo(201);
        assertThat(alice.post("/api/v1/accounts", account(b, "PRO")).status()).isEqualTo(201);
        long before = storedEventsInTotal();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(item(a, a + "-v" + i));
            items.add(item(b, b + "-v" + i));
            if (i == 2) {
                items.add(item(ghost, ghost + "-v"));
            }
        }
        String correlationId = "intake-" + UUID.randomUUID();

        ApiClient.Response first = dave.header(CorrelationIdFilter.HEADER, correlationId)
                .post("/api/v1/violations:batch", Map.of("violations", items));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(10);
        assertThat(first.json().get("duplicates").asInt()).isZero();
        assertThat(first.json().get("rejected")).hasSize(1);
        assertThat(first.json().get("rejected").get(0).get("index").asInt()).isEqualTo(6);
        assertThat(first.json().get("rejected").get(0).get("problem").get("status").asInt()).isEqualTo(404);
        assertThat(first.json().get("rejected").get(0).get("problem").get("detail").asString()).contains(ghost);
        assertThat(storedEventsInTotal() - before).isEqualTo(10);
        assertThat(storedEvents(ghost)).isZero();
        assertThat(sequenceNumbers(a)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(sequenceNumbers(b)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(transactions(a, 1, b, 1)).as("the chunk with the bad item was redone item by item").isEqualTo(10);
        for (String meta : violationMetaData(a, b)) {
            assertThat(meta).contains("\"actor\":\"dave\"").contains("\"correlationId\":\"" + correlationId + "\"");
        }

        // the next command on a good account continues from what is stored, not from the undone chunk
        ApiClient.Response single = dave.post("/api/v1/accounts/" + a + "/violations", violation(a + "-single"));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);
        assertThat(single.number("version")).isEqualTo(6);

        // the same batch again: every good item is a duplicate, the bad one is rejected again, nothing is stored
        ApiClient.Response again = dave.post("/api/v1/violations:batch", Map.of("violations", items));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(10);
        assertThat(again.json().get("rejected").get(0).get("index").asInt()).isEqualTo(6);
        assertThat(storedEventsInTotal() - before).isEqualTo(11);

        // and a new batch on the same accounts, all good, goes through in one chunk
        List<Object> more = List.of(item(a, a + "-w0"), item(b, b + "-w0"), item(a, a + "-w1"));
        ApiClient.Response third = dave.post("/api/v1/violations:batch", Map.of("violations", more));
        assertThat(third.json().get("accepted").asInt()).as(third.toString()).isEqualTo(3);
        assertThat(sequenceNumbers(a)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(sequenceNumbers(b)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(transactions(a, 7, b, 6)).as("a chunk of good items is one transaction").isEqualTo(1);
    }

    @Test
    void concurrent_batches_over_the_same_accounts_record_every_good_item_once_and_in_order() {
        String prefix = newId("cc");
        List<String> accounts = IntStream.range(0, 30).mapToObj(i -> prefix + "-" + i).toList();
        accounts.forEach(id -> assertThat(alice.post("/api/v1/accounts", account(id, "FREE")).status()).isEqualTo(201));
        String ghost = newId("ghost");
        Random random = new Random(42);
        List<List<Object>> batches = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String account = accounts.get(random.nextInt(accounts.size()));
                items.add(item(account, account + "-r" + r + "-" + i));
            }
            Collections.shuffle(items, random);
            items.add(150, item(ghost, ghost + "-r" + r));
            batches.add(items);
        }

        List<ApiClient.Response> answers = batches.stream()
                .map(items -> CompletableFuture.supplyAsync(() -> dave.post("/api/v1/violations:batch",
                        Map.of("violations", items))))
                .toList().stream().map(CompletableFuture::join).toList();

        for (ApiClient.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("accepted").asInt()).as(answer.toString()).isEqualTo(300);
            assertThat(answer.json().get("rejected")).hasSize(1);
            assertThat(answer.json().get("rejected").get(0).get("index").asInt()).isEqualTo(150);
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, prefix + "-%")).isEqualTo(30 + 1200);
        assertThat(jdbc.queryForObject("""
                select count(*) from (
                    select aggregate_identifier, count(*) n, min(sequence_number) low, max(sequence_number) high
                    from domain_event_entry where aggregate_identifier like ? group by aggregate_identifier) s
                where low <> 0 or high <> n - 1""", Long.class, prefix + "-%"))
                .as("accounts with a gap in their sequence numbers").isZero();
        assertThat(jdbc.queryForObject("""
                select count(distinct convert_from(payload, 'UTF8')::json ->> 'violationId') from domain_event_entry
                where aggregate_identifier like ? and payload_type like '%ViolationRecordedEvent'""", Long.class,
                prefix + "-%")).isEqualTo(1200);
    }

    private static Map<String, Object> item(String accountId, String violationId) {
        Map<String, Object> item = violation(violationId);
        item.put("accountId", accountId);
        return item;
    }

    /** A new id that the intake gives to the same worker as {@code other}. */
    private static String idOnWorkerOf(String other, String prefix) {
        while (true) {
            String id = newId(prefix);
            if (Math.floorMod(id.hashCode(), PARALLELISM) == Math.floorMod(other.hashCode(), PARALLELISM)) {
                return id;
            }
        }
    }

    private List<Long> sequenceNumbers(String accountId) {
        return jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", Long.class, accountId);
    }

    /** Transactions that appended the events of {@code a} and {@code b} from the given sequence numbers on. */
    private long transactions(String a, long fromA, String b, long fromB) {
        return jdbc.queryForObject("""
                select count(distinct xmin::text) from domain_event_entry
                where (aggregate_identifier = ? and sequence_number >= ?) or (aggregate_identifier = ? and sequence_number >= ?)
                """, Long.class, a, fromA, b, fromB);
    }

    private List<String> violationMetaData(String... accountIds) {
        List<String> all = new ArrayList<>();
        for (String id : accountIds) {
            all.addAll(jdbc.queryForList("""
                    select convert_from(meta_data, 'UTF8') from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%ViolationRecordedEvent'""", String.class, id));
        }
        assertThat(all).isNotEmpty();
        return all;
    }
}
