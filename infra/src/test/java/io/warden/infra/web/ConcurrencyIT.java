package io.warden.infra.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Conflicting commands on one aggregate: one wins, the others get 409, never a 500 or a duplicate sequence number. */
class ConcurrencyIT extends ApiTestSupport {

    @Test
    void two_suspensions_of_one_account_at_the_same_moment_give_one_success_and_one_409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = newId("acct");
                String v = accountWithViolation(id, "PRO");
                CountDownLatch start = new CountDownLatch(1);
                Callable<ApiClient.Response> suspend = () -> {
                    start.await();
                    return alice.post("/api/v1/accounts/" + id + "/suspension", citing("distillation", List.of(v)));
                };
                Future<ApiClient.Response> a = pool.submit(suspend);
                Future<ApiClient.Response> b = pool.submit(suspend);
                start.countDown();

                List<Integer> statuses = List.of(a.get().status(), b.get().status());
                assertThat(statuses).as("round %d: %s / %s", round, a.get(), b.get()).containsExactlyInAnyOrder(200, 409);
                assertThat(storedEventTypes(id)).containsOnlyOnce("AccountSuspendedEvent");
            }
        } finally {
            pool.shutdownNow();
        }
        assertNoDuplicateSequenceNumbers();
    }

    @Test
    void many_clients_flagging_one_account_at_once_give_exactly_one_success() throws Exception {
        String id = newId("acct");
        accountWithViolation(id, "FREE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    start.await();
                    return alice.post("/api/v1/accounts/" + id + "/flag", Map.of("reason", "burst"));
                });
            }
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                statuses.add(f.get().status());
            }

            assertThat(statuses).containsOnlyOnce(200);
            assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        assertNoDuplicateSequenceNumbers();
    }

    /**
     * Another instance of Warden (simulated by appending a row directly) writes to the account after this instance
     * cached it: the stale append collides on (aggregate, sequence) in the event store and is answered 409, and the
     * retry succeeds on the fresh state.
     */
    @Test
    void a_write_from_another_instance_makes_a_stale_command_409_and_the_retry_succeeds() {
        String id = newId("acct");
        accountWithViolation(id, "FREE");
        alice.post("/api/v1/accounts/" + id + "/flag", Map.of("reason", "warm the cache"));
        alice.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "warm the cache"));
        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                select nextval('domain_event_entry_seq'), gen_random_uuid()::text, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, 4, type
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 2""", id);

        ApiClient.Response stale = alice.post("/api/v1/accounts/" + id + "/flag", Map.of("reason", "stale view: not flagged yet"));
        ApiClient.Response retry = alice.post("/api/v1/accounts/" + id + "/unflag", Map.of("reason", "fresh view: the other instance flagged it"));

        assertProblem(stale, 409);
        assertThat(stale.text("detail")).contains("at the same moment");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.number("version")).isEqualTo(5);
        assertNoDuplicateSequenceNumbers();
    }

    private void assertNoDuplicateSequenceNumbers() {
        Long duplicates = jdbc.queryForObject("""
                select count(*) from (select aggregate_identifier, sequence_number from domain_event_entry
                group by aggregate_identifier, sequence_number having count(*) > 1) d""", Long.class);
        assertThat(duplicates).isZero();
    }
}
