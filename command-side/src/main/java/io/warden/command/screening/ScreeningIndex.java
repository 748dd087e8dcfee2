package io.warden.command.screening;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One version of a restricted-party list, indexed for fuzzy screening. Immutable once built, so screening threads
 * share it without locks and a new version replaces it by swapping one reference.
 * <p>
 * <b>Candidates.</b> Every name and alternative name of every entry is normalised ({@link NameNormalizer}) and cut
 * into padded character trigrams per token. A screened name's trigrams pick the names that share the most of them
 * (Dice coefficient over the posting lists), and only those {@value #CANDIDATES} are scored; trigrams survive typos
 * and word reordering, which a whole-word index would not.
 * <p>
 * <b>Score.</b> The larger of two comparisons of the normalised names:
 * <ul>
 *   <li>a token-set score: each token finds its most similar token on the other side (mean of Jaro-Winkler and edit
 *       similarity, accepted from {@value #TOKEN_MATCH}), weighted by how rare the token is in the list (inverse document frequency), in both
 *       directions, combined as a harmonic mean; so both names must be mostly covered, and a shared common word
 *       ("trading", "international") counts for little;</li>
 *   <li>the edit similarity (optimal string alignment) of the two names with their spaces removed, tokens sorted
 *       or not, which is what catches a word split or joined ("Hik Vision", "Hikvision").</li>
 * </ul>
 * Names of fewer than four letters match only exactly: short strings resemble each other by chance.
 */
public final class ScreeningIndex {

    static final int CANDIDATES = 200;
    static final double MIN_SHARED_TRIGRAMS = 0.4;
    /** How much a word of a spelled-out legal form ("joint", "stock", "liability") counts against a rare word. */
    static final double WEAK_WEIGHT = 0.1;
    static final double TOKEN_MATCH = 0.88;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private final NameNormalizer normalizer;
    private final List<ListEntry> entries;
    private final int[] nameEntry;
    private final String[] nameText;
    private final String[] nameKey;
    private final String[] nameSorted;
    private final String[] nameJoined;
    private final String[] nameSortedJoined;
    private final String[][] nameTokens;
    private final int[] nameGrams;
    private final Map<String, int[]> postings;
    private final Map<String, Integer> tokenFrequency;
    private final int names;

    public ScreeningIndex(List<ListEntry> entries, NameNormalizer normalizer) {
        this.normalizer = normalizer;
        this.entries = List.copyOf(entries);
        List<Integer> owner = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int e = 0; e < this.entries.size(); e++) {
            ListEntry entry = this.entries.get(e);
            Set<String> seenKeys = new HashSet<>();
            List<String> all = new ArrayList<>();
            all.add(entry.name());
            all.addAll(entry.altNames());
            for (String name : all) {
                String key = normalizer.key(name);
                if (!key.isEmpty() && seenKeys.add(key)) {
                    owner.add(e);
                    texts.add(name);
                    keys.add(key);
                }
            }
        }
        names = keys.size();
        nameEntry = owner.stream().mapToInt(Integer::intValue).toArray();
        nameText = texts.toArray(String[]::new);
        nameKey = keys.toArray(String[]::new);
        nameSorted = new String[names];
        nameJoined = new String[names];
        nameSortedJoined = new String[names];
        nameTokens = new String[names][];
        nameGrams = new int[names];
        Map<String, List<Integer>> grams = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (int n = 0; n < names; n++) {
            nameTokens[n] = nameKey[n].split(" ");
            nameSorted[n] = sorted(nameTokens[n]);
            nameJoined[n] = nameKey[n].replace(" ", "");
            nameSortedJoined[n] = nameSorted[n].replace(" ", "");
            for (String token : new HashSet<>(Arrays.asList(nameTokens[n]))) {
                frequency.merge(token, 1, Integer::sum);
            }
            Set<String> own = trigrams(nameTokens[n]);
            nameGrams[n] = own.size();
            for (String gram : own) {
                grams.computeIfAbsent(gram, g -> new ArrayList<>()).add(n);
            }
        }
        Map<String, int[]> built = new HashMap<>(grams.size() * 2);
        grams.forEach((gram, list) -> built.put(gram, list.stream().mapToInt(Integer::intValue).toArray()));
        postings = built;
        tokenFrequency = frequency;
    }

    public int entryCount() {
        return entries.size();
    }

    public int nameCount() {
        return names;
    }

    /** Entries resembling {@code name} with a score of at least {@code minScore}, best first, one per entry. */
    public List<ScreeningMatch> screen(String name, String country, double minScore, int limit) {
        String[] tokens = normalizer.tokens(name).toArray(String[]::new);
        if (tokens.length == 0) {
            return List.of();
        }
        String key = String.join(" ", tokens);
        String sortedKey = sorted(tokens);
        Map<Integer, Scored> best = new HashMap<>();

        Map<String, Double> memo = new HashMap<>();
        for (int candidate : candidates(tokens)) {
            Scored scored = score(tokens, key, sortedKey, candidate, memo, minScore);
            if (scored.score >= minScore) {
                best.merge(nameEntry[candidate], scored, (a, b) -> a.score >= b.score ? a : b);
            }
        }
        String wantedCountry = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        return best.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Integer, Scored>>comparingDouble(e -> -e.getValue().score)
                        .thenComparing(e -> !inCountry(entries.get(e.getKey()), wantedCountry))
                        .thenComparing(e -> entries.get(e.getKey()).entryId()))
                .limit(limit)
                .map(e -> toMatch(entries.get(e.getKey()), e.getValue(), tokens, name, wantedCountry))
                .toList();
    }

    /** How many names {@link #screen} scores for {@code name}: the candidate set, for benchmarks and tests. */
    int candidateCount(String name) {
        return candidates(normalizer.tokens(name).toArray(String[]::new)).length;
    }

    private int[] candidates(String[] tokens) {
        Set<String> grams = trigrams(tokens);
        Scratch scratch = SCRATCH.get();
        int[] shared = scratch.shared(names);
        int[] touched = scratch.touched(names);
        int touchedCount = 0;
        List<Integer> overflow = null;
        for (String gram : grams) {
            int[] list = postings.get(gram);
            if (list == null) {
                continue;
            }
            for (int n : list) {
                if (shared[n]++ == 0) {
                    if (touchedCount < touched.length) {
                        touched[touchedCount++] = n;
                    } else {
                        if (overflow == null) {
                            overflow = new ArrayList<>();
                        }
                        overflow.add(n);
                    }
                }
            }
        }
        int total = touchedCount + (overflow == null ? 0 : overflow.size());
        int q = grams.size();
        // a name sharing less than this share of the screened name's trigrams cannot come close enough to matter;
        // leaving those out keeps the ranking to a few hundred names instead of every name with a common trigram
        int minShared = Math.max(1, (int) Math.ceil(q * MIN_SHARED_TRIGRAMS));
        long[] ranked = new long[total];
        int kept = 0;
        for (int i = 0; i < total; i++) {
            int n = i < touchedCount ? touched[i] : overflow.get(i - touchedCount);
            if (shared[n] < minShared) {
                continue;
            }
            double dice = 2.0 * shared[n] / (q + nameGrams[n]);
            // rank by Dice, highest first; the name index rides in the low bits
            ranked[kept++] = ((long) ((1.0 - dice) * 1_000_000) << 32) | n;
        }
        total = kept;
        ranked = Arrays.copyOf(ranked, kept);
        for (int i = 0; i < touchedCount; i++) {
            shared[touched[i]] = 0;
        }
        if (overflow != null) {
            overflow.forEach(n -> shared[n] = 0);
        }
        Arrays.sort(ranked);
        int take = Math.min(CANDIDATES, total);
        int[] chosen = new int[take];
        for (int i = 0; i < take; i++) {
            chosen[i] = (int) (ranked[i] & 0xffffffffL);
        }
        return chosen;
    }

    private Scored score(String[] tokens, String key, String sortedKey, int candidate, Map<String, Double> memo,
                         double minScore) {
        String[] other = nameTokens[candidate];
        if (key.equals(nameKey[candidate])) {
            return new Scored(candidate, 1.0, 1, 1, 1, 1, true);
        }
        if (lettersIn(key) < 4 || lettersIn(nameKey[candidate]) < 4) {
            return new Scored(candidate, 0.0, 0, 0, 0, 0, false);
        }
        double forward = coverage(tokens, other, null, memo);
        double backward = coverage(other, tokens, null, memo);
        double tokenSet = forward + backward == 0 ? 0 : 2 * forward * backward / (forward + backward);
        // the names with their spaces removed, compared by edits: catches a word split or joined ("Hik Vision")
        String joined = key.replace(" ", "");
        int longer = Math.max(joined.length(), nameJoined[candidate].length());
        double bound = 1.0 - (double) Math.abs(joined.length() - nameJoined[candidate].length()) / longer;
        double whole = bound <= tokenSet || bound < minScore ? 0 : Math.max(
                EditDistance.similarity(sortedKey.replace(" ", ""), nameSortedJoined[candidate]),
                EditDistance.similarity(joined, nameJoined[candidate]));
        double score = Math.max(0, Math.min(1, Math.max(tokenSet, whole)));
        return new Scored(candidate, score, forward, backward, tokenSet, whole, false);
    }

    /** Built only for the matches shown, since formatting costs more than scoring. */
    private String explain(String[] tokens, Scored scored) {
        if (scored.exact) {
            return "same name after normalisation (\"" + nameKey[scored.name] + "\")";
        }
        StringBuilder pairs = new StringBuilder();
        coverage(tokens, nameTokens[scored.name], pairs, new HashMap<>());
        return String.format(Locale.ROOT,
                "token set %.3f (screened name covered %.2f, entry name covered %.2f, rare words weigh more; pairs %s), "
                        + "edit similarity of the joined names %.3f; %s decides; compared as \"%s\" and \"%s\"",
                scored.tokenSet, scored.forward, scored.backward, pairs.length() == 0 ? "none" : pairs, scored.whole,
                scored.tokenSet >= scored.whole ? "the token set" : "the joined name",
                String.join(" ", tokens), nameKey[scored.name]);
    }

    /** The share of {@code from}'s weight (rare tokens weigh more) found in {@code to}, times how closely. */
    private double coverage(String[] from, String[] to, StringBuilder pairs, Map<String, Double> memo) {
        double total = 0;
        double found = 0;
        for (String token : from) {
            double weight = weight(token);
            total += weight;
            double bestSimilarity = 0;
            String bestToken = null;
            for (String candidate : to) {
                double similarity = token.equals(candidate) ? 1.0
                        : memo.computeIfAbsent(token.compareTo(candidate) < 0 ? token + ' ' + candidate : candidate + ' ' + token,
                        k -> tokenSimilarity(token, candidate));
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    bestToken = candidate;
                }
            }
            if (bestSimilarity >= TOKEN_MATCH) {
                found += weight * bestSimilarity;
                if (pairs != null) {
                    if (pairs.length() > 0) {
                        pairs.append(", ");
                    }
                    pairs.append(token).append('~').append(bestToken)
                            .append(String.format(Locale.ROOT, " %.2f", bestSimilarity));
                }
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /**
     * Short tokens and digits must agree exactly; a typo in a three-letter word is another word. Otherwise the mean
     * of Jaro-Winkler and edit similarity: Jaro-Winkler alone forgives too much in short words ("Tesla", "Tesa"),
     * edit similarity alone too little in long ones.
     */
    private static double tokenSimilarity(String a, String b) {
        if (a.length() < 4 || b.length() < 4 || hasDigit(a) || hasDigit(b)) {
            return 0;
        }
        if (Math.abs(a.length() - b.length()) > Math.max(a.length(), b.length()) / 3) {
            return 0;
        }
        return (JW.apply(a, b) + EditDistance.similarity(a, b)) / 2;
    }

    private double weight(String token) {
        int frequency = tokenFrequency.getOrDefault(token, 0);
        double idf = Math.log(1.0 + (double) names / (1 + frequency));
        return normalizer.isWeak(token) ? idf * WEAK_WEIGHT : idf;
    }

    private ScreeningMatch toMatch(ListEntry entry, Scored scored, String[] tokens, String screened, String country) {
        StringBuilder why = new StringBuilder(explain(tokens, scored));
        List<String> dropped = normalizer.droppedWords(screened);
        if (!dropped.isEmpty()) {
            why.append("; ignored in the screened name: ").append(String.join(" ", dropped));
        }
        if (country != null && !entry.countries().isEmpty()) {
            why.append(inCountry(entry, country) ? "; the entry has an address in " + country
                    : "; the entry's addresses are in " + String.join(", ", entry.countries()) + ", not " + country);
        }
        return new ScreeningMatch(entry.entryId(), entry.source(), entry.name(), nameText[scored.name],
                Math.round(scored.score * 10_000) / 10_000.0, why.toString());
    }

    private static boolean inCountry(ListEntry entry, String country) {
        return country != null && entry.countries().contains(country);
    }

    private static Set<String> trigrams(String[] tokens) {
        Set<String> grams = new LinkedHashSet<>();
        for (String token : tokens) {
            String padded = "^" + token + "$";
            if (padded.length() <= 3) {
                grams.add(padded);
                continue;
            }
            for (int i = 0; i + 3 <= padded.length(); i++) {
                grams.add(padded.substring(i, i + 3));
            }
        }
        return grams;
    }

    private static String sorted(String[] tokens) {
        String[] copy = tokens.clone();
        Arrays.sort(copy);
        return String.join(" ", copy);
    }

    private static int lettersIn(String key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != ' ') {
                n++;
            }
        }
        return n;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private record Scored(int name, double score, double forward, double backward, double tokenSet, double whole,
                          boolean exact) {
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread counters for candidate selection, so screening a name allocates next to nothing. */
    private static final class Scratch {
        private int[] shared = new int[0];
        private int[] touched = new int[0];

        int[] shared(int size) {
            if (shared.length < size) {
                shared = new int[size];
            }
            return shared;
        }

        int[] touched(int size) {
            if (touched.length < size) {
                touched = new int[size];
            }
            return touched;
        }
    }
}
