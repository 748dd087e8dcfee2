package io.warden.command.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures, not asserts: the per-name screening latency against the full real list (p50, p99) and the time to
 * re-screen 100,000 accounts as a list import does (in parallel on all cores, as {@code ExportControlReactor} does).
 * Run with the test classpath: {@code java -cp … io.warden.command.screening.ScreeningBenchmark [accounts]}.
 */
public final class ScreeningBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = ScreeningData.realList().orElseThrow(() -> new IllegalStateException(ScreeningData.ABSENT));
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ParsedList list = ScreeningData.parseReal(file);
        long built = System.nanoTime();
        ScreeningIndex index = new ScreeningIndex(list.entries(), new NameNormalizer());
        System.out.printf(Locale.ROOT, "index: %d entries, %d names, built in %d ms%n", index.entryCount(),
                index.nameCount(), (System.nanoTime() - built) / 1_000_000);
        RestrictedPartyScreening screening = new RestrictedPartyScreening(index, RestrictedPartyScreening.DEFAULT_THRESHOLD);

        List<String> names = new ArrayList<>();
        new VariantGenerator(1L).variants(list.entries(), 2_000).forEach(v -> names.add(v.variant()));
        names.addAll(ScreeningEvaluationTest.unlistedCompanies());
        Random random = new Random(5);
        List<String> words = List.of("Global", "Analytics", "Data", "Systems", "Labs", "Cloud", "Northern", "Blue",
                "Vector", "Quantum", "Trading", "Solutions", "Partners", "Digital", "Research", "Dynamics", "Alpha");
        while (names.size() < 10_000) {
            names.add(words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())) + " "
                    + (char) ('A' + random.nextInt(26)) + words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT) + " Ltd");
        }
        for (int i = 0; i < 3; i++) {
            names.forEach(n -> screening.screen(n, null));
        }
        long[] nanos = new long[names.size()];
        long candidates = 0;
        for (int i = 0; i < names.size(); i++) {
            long start = System.nanoTime();
            screening.screen(names.get(i), null);
            nanos[i] = System.nanoTime() - start;
            candidates += index.candidateCount(names.get(i));
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "one name, one thread: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms over %d names;"
                        + " %.0f candidates scored per name on average%n",
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.9)] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length,
                (double) candidates / names.size());

        List<String> population = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            population.add(names.get(random.nextInt(names.size())));
        }
        AtomicInteger matched = new AtomicInteger();
        long started = System.nanoTime();
        population.parallelStream().forEach(n -> {
            if (!screening.screen(n, null).isEmpty()) {
                matched.incrementAndGet();
            }
        });
        System.out.printf(Locale.ROOT, "re-screening %d accounts on %d cores: %.1f s (%d with a match)%n", accounts,
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - started) / 1e9, matched.get());
    }
}
