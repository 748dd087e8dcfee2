package io.warden.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The harness's client pools: wait for every client's task, then stop the pool (also when one failed). */
final class Workers {

    private Workers() {
    }

    /** Waits for each task in turn; the first failure is thrown (as the ExecutionException) after the pool stopped. */
    static void awaitAll(ExecutorService pool, List<? extends Future<?>> tasks) throws Exception {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
