package io.warden.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one harness run does. {@link #parse} reads the command line of {@code bench/run}; the smoke test builds one
 * directly.
 *
 * @param quick     the small workload ({@link Scale#quick()}), for smoke use
 * @param profile   start Warden with JFR and summarise hot methods and allocations afterwards
 * @param keep      keep the databases the run created (they are dropped otherwise)
 * @param seed      seed of the workload generator
 * @param dbUrl     admin JDBC URL of the PostgreSQL to create the run's databases on (null: embedded)
 * @param dbUser    its user
 * @param dbPassword its password (may be null)
 * @param infraJar  Warden's boot jar
 * @param resultsDir where the JSON, Markdown, logs and profiles go
 */
public record Options(boolean quick, boolean profile, boolean keep, long seed, String dbUrl, String dbUser,
                      String dbPassword, Path infraJar, Path resultsDir) {

    public static final String USAGE = "bench/run [--quick] [--profile] [--seed N] [--keep] [--results DIR] [--jar infra/target/warden.jar]";

    public static Options parse(List<String> args) {
        boolean quick = false, profile = false, keep = false;
        long seed = 42;
        Path jar = null;
        Path results = Path.of("bench", "results");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--keep" -> keep = true;
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--jar" -> jar = Path.of(value(args, ++i, a));
                case "--results" -> results = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
            }
        }
        if (jar == null) {
            String env = System.getenv("BENCH_INFRA_JAR");
            jar = env != null && !env.isBlank() ? Path.of(env) : Path.of("infra", "target", "warden.jar");
        }
        String url = env("BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        return new Options(quick, profile, keep, seed, url, env("BENCH_DB_USER", "postgres"),
                System.getenv("BENCH_DB_PASSWORD"), jar, results);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
        }
        return args.get(i);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
