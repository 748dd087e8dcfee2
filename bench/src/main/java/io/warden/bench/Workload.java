package io.warden.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's workload, the same for a seed every time: three campaigns of fraudulent accounts (one firm each,
 * registered from proxy countries), legitimate accounts, the campaigns' violation reports whose evidence adds up to
 * exactly {@link Scale#interactions()} interactions, and low-severity reports on legitimate accounts that grow the
 * history.
 */
final class Workload {

    static final String[] FIRMS = {"Quillmont Dataworks", "Veyra Signal Labs", "Ostrander Cognitive Systems"};
    private static final String[] PROXY = {"US", "SG", "MY", "NL", "DE", "BR", "IN", "VN", "TH", "PL", "MX", "CA"};
    private static final String[] LEGIT_COUNTRIES = {"US", "GB", "DE", "FR", "JP", "CA", "AU", "NL", "SE", "ES", "IT", "KR", "BR", "IN"};
    private static final String[] POLICIES = {"DISTILLATION", "AUTOMATED_EXTRACTION", "ACCOUNT_FARMING"};
    private static final String[] SEVERITIES = {"MEDIUM", "HIGH", "HIGH", "CRITICAL"};
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    record Account(String accountId, String organization, String country, String tier, int campaign) {
        Map<String, Object> body() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accountId", accountId);
            m.put("organization", organization);
            m.put("country", country);
            m.put("tier", tier);
            return m;
        }
    }

    private final Scale scale;
    private final long seed;
    final List<Account> accounts = new ArrayList<>();
    final List<List<String>> campaignIds = new ArrayList<>();
    private final long[] interactionCounts;
    private final int[] violationAccount;

    Workload(Scale scale, long seed) {
        this.scale = scale;
        this.seed = seed;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int c = 0; c < scale.campaigns().length; c++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < scale.campaigns()[c]; i++) {
                String id = "camp" + (c + 1) + "-" + i;
                accounts.add(new Account(id, FIRMS[c % FIRMS.length] + " " + (char) ('A' + rnd.nextInt(26)) + rnd.nextInt(1000),
                        PROXY[rnd.nextInt(PROXY.length)], rnd.nextInt(10) < 8 ? "FREE" : "PRO", c));
                ids.add(id);
            }
            campaignIds.add(ids);
        }
        for (int i = 0; i < scale.legitimate(); i++) {
            int t = rnd.nextInt(20);
            accounts.add(new Account("acct-" + i, "Customer " + i + " " + LEGIT_COUNTRIES[i % LEGIT_COUNTRIES.length] + " Workshop",
                    LEGIT_COUNTRIES[rnd.nextInt(LEGIT_COUNTRIES.length)], t < 12 ? "FREE" : t < 18 ? "PRO" : "ENTERPRISE", -1));
        }
        // shuffle registration order deterministically, so every client level registers campaign and legitimate accounts
        for (int i = accounts.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Account a = accounts.get(i);
            accounts.set(i, accounts.get(j));
            accounts.set(j, a);
        }
        int campaignAccounts = scale.campaignAccounts();
        int n = scale.violations();
        violationAccount = new int[n];
        interactionCounts = new long[n];
        long sum = 0;
        long mean = Math.max(1, scale.interactions() / n);
        for (int i = 0; i < n; i++) {
            // every campaign account gets at least one report; the rest land at random
            violationAccount[i] = i < campaignAccounts ? i : rnd.nextInt(campaignAccounts);
            interactionCounts[i] = 1 + rnd.nextLong(2 * mean);
            sum += interactionCounts[i];
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            interactionCounts[i] = interactionCounts[i] * scale.interactions() / sum;
            total += interactionCounts[i];
        }
        for (int i = 0; total < scale.interactions(); i = (i + 1) % n) {
            interactionCounts[i]++;
            total++;
        }
    }

    int violations() {
        return interactionCounts.length;
    }

    long totalInteractions() {
        return interactions(interactionCounts.length);
    }

    /** Interactions of the first {@code n} campaign violations. */
    long interactions(int n) {
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += interactionCounts[i];
        }
        return t;
    }

    private String campaignAccount(int index) {
        int c = 0;
        while (index >= scale.campaigns()[c]) {
            index -= scale.campaigns()[c];
            c++;
        }
        return "camp" + (c + 1) + "-" + index;
    }

    /** Campaign violation {@code i} as an item of {@code POST /violations:batch}. */
    Map<String, Object> campaignViolation(int i) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + i);
        String account = campaignAccount(violationAccount[i]);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("detector", "distillation-detector-v3");
        evidence.put("summary", "burst of " + interactionCounts[i] + " systematic prompts covering a capability taxonomy, "
                + "responses harvested for training; shared proxy exit");
        evidence.put("confidence", 0.7 + rnd.nextInt(30) / 100.0);
        evidence.put("interactionCount", interactionCounts[i]);
        evidence.put("sourceCountry", PROXY[rnd.nextInt(PROXY.length)]);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("accountId", account);
        v.put("violationId", "cv-" + i);
        v.put("category", "USAGE_POLICY");
        v.put("policy", POLICIES[rnd.nextInt(POLICIES.length)]);
        v.put("severity", SEVERITIES[rnd.nextInt(SEVERITIES.length)]);
        v.put("detectedAt", START.plusSeconds(i * 20L + rnd.nextInt(20)).toString());
        v.put("evidence", evidence);
        return v;
    }

    /** Growth report {@code i}: a low-severity report on one of the (registered) legitimate accounts. */
    Map<String, Object> growthViolation(long i, List<String> legitimate) {
        SplittableRandom rnd = new SplittableRandom(seed * 17 + i);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("detector", "rate-anomaly-v1");
        evidence.put("summary", "short burst above the tier's usual rate");
        evidence.put("confidence", 0.3 + rnd.nextInt(30) / 100.0);
        evidence.put("interactionCount", 1 + rnd.nextInt(40));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("accountId", legitimate.get(rnd.nextInt(legitimate.size())));
        v.put("violationId", "gv-" + i);
        v.put("category", "USAGE_POLICY");
        v.put("policy", "AUTOMATED_EXTRACTION");
        v.put("severity", "LOW");
        v.put("detectedAt", START.plusSeconds(3_000_000L + i * 3).toString());
        v.put("evidence", evidence);
        return v;
    }
}
