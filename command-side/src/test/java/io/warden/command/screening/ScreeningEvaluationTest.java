package io.warden.command.screening;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the matcher on a labelled set: spelling variants of listed companies (which must match their entry) and
 * real companies that are not listed (which must match nothing). Prints precision, recall and false-positive rate.
 * <p>
 * On the real list the variants are drawn from 14,160 entries with a fixed seed and the targets of the issue are
 * asserted: recall ≥ 0.95, false-positive rate ≤ 1%. On the project's own fixture list (always present) every
 * variant of every name is used.
 */
class ScreeningEvaluationTest {

    static final double THRESHOLD = RestrictedPartyScreening.DEFAULT_THRESHOLD;

    @Test
    void on_the_real_list_recall_is_at_least_95_percent_and_false_positives_at_most_1_percent() throws Exception {
        Optional<Path> real = ScreeningData.realList();
        Assumptions.assumeTrue(real.isPresent(), ScreeningData.ABSENT);
        ParsedList list = ScreeningData.parseReal(real.get());
        List<VariantGenerator.Variant> variants = new VariantGenerator(20220401L).variants(list.entries(), 400);

        Result result = evaluate("real CSL 2022-04", list.entries(), variants, unlistedCompanies());

        assertThat(variants.size() + result.unlisted).isGreaterThanOrEqualTo(300);
        assertThat(result.recall()).as("recall on listed variants").isGreaterThanOrEqualTo(0.95);
        assertThat(result.falsePositiveRate()).as("false-positive rate on unlisted companies").isLessThanOrEqualTo(0.01);
    }

    @Test
    void on_the_fixture_list_variants_match_and_unlisted_companies_do_not() throws Exception {
        ParsedList list;
        try (InputStream in = getClass().getResourceAsStream("/screening/fixture-list.csv")) {
            list = new CslParser().parse(in);
        }
        List<VariantGenerator.Variant> variants = new VariantGenerator(7L).allVariants(list.entries());

        Result result = evaluate("fixture list", list.entries(), variants, unlistedCompanies());

        assertThat(variants.size() + result.unlisted).isGreaterThanOrEqualTo(300);
        assertThat(result.recall()).as("recall on listed variants").isGreaterThanOrEqualTo(0.95);
        assertThat(result.falsePositives).as("unlisted companies matched").isZero();
    }

    static List<String> unlistedCompanies() throws Exception {
        try (InputStream in = ScreeningEvaluationTest.class.getResourceAsStream("/screening/unlisted-companies.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private Result evaluate(String label, List<ListEntry> entries, List<VariantGenerator.Variant> variants,
                            List<String> unlisted) {
        NameNormalizer normalizer = new NameNormalizer();
        long builtAt = System.nanoTime();
        ScreeningIndex index = new ScreeningIndex(entries, normalizer);
        long buildMillis = (System.nanoTime() - builtAt) / 1_000_000;
        RestrictedPartyScreening screening = new RestrictedPartyScreening(index, THRESHOLD);
        Result result = new Result();
        Map<VariantGenerator.Kind, int[]> byKind = new EnumMap<>(VariantGenerator.Kind.class);
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (VariantGenerator.Variant v : variants) {
            List<ScreeningMatch> matches = screening.screen(v.variant(), null);
            boolean found = matches.stream().anyMatch(m -> m.entryId().equals(v.entry().entryId())
                    || normalizer.key(m.matchedName()).equals(normalizer.key(v.from())));
            int[] counts = byKind.computeIfAbsent(v.kind(), k -> new int[2]);
            counts[1]++;
            if (found) {
                result.truePositives++;
                counts[0]++;
            } else {
                result.falseNegatives++;
                misses.add(v.kind() + " \"" + v.variant() + "\" (from \"" + v.from() + "\") best: "
                        + (matches.isEmpty() ? "-" : matches.get(0).matchedName() + " " + matches.get(0).score()));
            }
            if (!matches.isEmpty() && !found) {
                result.wrongMatches++;
            }
        }
        for (String name : unlisted) {
            result.unlisted++;
            List<ScreeningMatch> matches = screening.screen(name, null);
            if (!matches.isEmpty()) {
                result.falsePositives++;
                falseAlarms.add("\"" + name + "\" ~ \"" + matches.get(0).matchedName() + "\" " + matches.get(0).score()
                        + " (" + matches.get(0).explanation() + ")");
            }
        }
        long[] nanos = latencies(screening, variants, unlisted);
        System.out.printf(Locale.ROOT, "%n=== Screening evaluation on the %s (%d entries, %d names, index built in %d ms), threshold %.2f ===%n",
                label, index.entryCount(), index.nameCount(), buildMillis, THRESHOLD);
        System.out.printf(Locale.ROOT, "listed variants: %d, unlisted companies: %d%n", variants.size(), result.unlisted);
        System.out.printf(Locale.ROOT, "precision %.4f  recall %.4f  false-positive rate %.4f (%d of %d unlisted)%n",
                result.precision(), result.recall(), result.falsePositiveRate(), result.falsePositives, result.unlisted);
        byKind.forEach((kind, c) -> System.out.printf(Locale.ROOT, "  recall %-22s %.3f (%d/%d)%n", kind,
                (double) c[0] / c[1], c[0], c[1]));
        System.out.printf(Locale.ROOT, "latency per name: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d names, after warm-up)%n",
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length);
        misses.stream().limit(25).forEach(m -> System.out.println("  missed: " + m));
        falseAlarms.forEach(f -> System.out.println("  false positive: " + f));
        return result;
    }

    private static long[] latencies(RestrictedPartyScreening screening, List<VariantGenerator.Variant> variants,
                                    List<String> unlisted) {
        List<String> names = new ArrayList<>();
        variants.forEach(v -> names.add(v.variant()));
        names.addAll(unlisted);
        for (int i = 0; i < 3; i++) {
            names.forEach(n -> screening.screen(n, null));
        }
        long[] nanos = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            long start = System.nanoTime();
            screening.screen(names.get(i), null);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static final class Result {
        int truePositives;
        int falseNegatives;
        int wrongMatches;
        int falsePositives;
        int unlisted;

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        /** A flag is wrong when it names the wrong entry for a variant, or anything for an unlisted company. */
        double precision() {
            int flagged = truePositives + wrongMatches + falsePositives;
            return flagged == 0 ? 1 : (double) truePositives / flagged;
        }

        double falsePositiveRate() {
            return unlisted == 0 ? 0 : (double) falsePositives / unlisted;
        }
    }
}
