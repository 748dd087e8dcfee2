package io.warden.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness (README, "Benchmark"): Warden as a child process on a fresh database, the workload of
 * {@link Workload}, the baselines of {@link Baselines} and a stock-Axon run on the same PostgreSQL, figures in
 * {@code bench/results/<timestamp>.json} and {@code .md}. Measures; asserts nothing.
 */
public final class Harness {

    public record Result(Map<String, Object> json, List<Report.Row> rows, Path jsonFile, Path markdownFile, String markdown) {
    }

    private Harness() {
    }

    public static void main(String[] args) {
        Result r;
        try {
            r = run(Options.parse(List.of(args)));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.println(r.markdown());
        System.out.println("[bench] results: " + r.jsonFile() + " and " + r.markdownFile());
        System.exit(0);
    }

    public static Result run(Options o) throws Exception {
        long runStart = System.nanoTime();
        Scale scale = o.quick() ? Scale.quick() : Scale.full();
        String ts = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        String dbTs = ts.toLowerCase().replace("t", "_").replace("z", "");
        Files.createDirectories(o.resultsDir());
        Map<String, Object> json = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, Object> phases = new LinkedHashMap<>();
        try (Database db = Database.open(o.dbUrl(), o.dbUser(), o.dbPassword(), o.keep())) {
            json.put("timestamp", ts);
            Map<String, String> settings = db.settings();
            json.put("machine", machine(db, settings));
            if ("off".equals(settings.get("autovacuum"))) {
                // never-analysed tables keep the plans their statements got while empty (sequential scans)
                notes.add("autovacuum is off on this PostgreSQL: its tables are never analysed, so Warden's prepared "
                        + "statements keep the plans made while the tables were empty; the figures are not those of a "
                        + "correctly configured server (README, \"Benchmark\")");
            }
            json.put("mode", scale.name());
            json.put("seed", o.seed());
            ScreeningData screening = ScreeningData.find(o.seed());

            // --- Warden, tuned defaults -------------------------------------------------------------------
            String wardenDb = "warden_bench_" + dbTs;
            db.create(wardenDb);
            Path jfr = o.profile() ? o.resultsDir().resolve(ts + ".jfr") : null;
            WardenRun main;
            Map<String, Object> memory = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            try (WardenChild child = WardenChild.start(o.infraJar(), db.url(wardenDb), db.user(), db.password(),
                    o.resultsDir().resolve(ts + "-warden.log"), jfr, Map.of())) {
                main = new WardenRun(scale, o.seed(), child, db, wardenDb, true, screening.bytes, screening.source);
                main.runAll();
                memory.put("heapMaxMb", 512);
                memory.put("peakHeapUsedMb", Stats.round(child.peakHeapBytes() / 1048576.0));
                memory.put("liveHeapAtEndMb", Stats.round(child.liveHeapAfterFullGcBytes() / 1048576.0));
                memory.put("heapSamples", child.heapSamples());
                memory.put("peakRssMb", Stats.round(child.readPeakRssKb() / 1024.0));
                memory.put("outOfMemoryError", child.sawOutOfMemory());
            }
            phases.put("wardenSeconds", Stats.round((System.nanoTime() - t0) / 1e9));
            notes.addAll(main.notes);
            json.put("warden", main.figures);
            json.put("memory", memory);

            // --- baselines on the same server --------------------------------------------------------------
            t0 = System.nanoTime();
            Map<String, Object> baselines = new LinkedHashMap<>();
            baselines.put("sequentialRead", Baselines.sequentialRead(db, wardenDb));
            List<Baselines.Sample> samples = Baselines.samples(db, wardenDb);
            String rawDb = "warden_raw_" + dbTs;
            db.create(rawDb);
            Baselines raw = new Baselines(db, rawDb, samples);
            baselines.put("batchedInsert", raw.batchedInsert(main.intakeEvents()));
            Map<String, Object> single = new LinkedHashMap<>();
            for (int clients : new int[]{1, 4, 16}) {
                single.put(Integer.toString(clients), raw.singleRow(clients, scale.rawSeconds()));
            }
            baselines.put("singleRow", single);
            json.put("baselines", baselines);
            phases.put("baselinesSeconds", Stats.round((System.nanoTime() - t0) / 1e9));

            // --- the same workload, scaled down, with stock Axon settings ----------------------------------
            t0 = System.nanoTime();
            String stockDb = "warden_stock_" + dbTs;
            db.create(stockDb);
            Map<String, String> stockProps = new LinkedHashMap<>();
            stockProps.put("warden.processors.batch-size", "1");
            stockProps.put("warden.processors.segments", "1");
            stockProps.put("warden.processors.threads", "1");
            stockProps.put("warden.cache.aggregates", "0");
            stockProps.put("warden.snapshots.enabled", "false");
            Scale stockScale = scale.stock();
            WardenRun stock;
            try (WardenChild child = WardenChild.start(o.infraJar(), db.url(stockDb), db.user(), db.password(),
                    o.resultsDir().resolve(ts + "-stock.log"), null, stockProps)) {
                stock = new WardenRun(stockScale, o.seed(), child, db, stockDb, false, screening.bytes, screening.source);
                stock.runAll();
            }
            stock.notes.forEach(n -> notes.add("stock run: " + n));
            Map<String, Object> stockJson = new LinkedHashMap<>();
            stockJson.put("scale", stockScale.name());
            stockJson.put("settings", stockProps);
            stockJson.put("note", "the same workload generator scaled down (" + stockScale.name() + "), no history growth: rates are compared");
            stockJson.putAll(stock.figures);
            json.put("stockAxon", stockJson);
            phases.put("stockSeconds", Stats.round((System.nanoTime() - t0) / 1e9));
            json.put("databases", db.created());
            json.put("embeddedPostgres", db.embedded());

            if (jfr != null && Files.exists(jfr)) {
                json.put("profile", Profile.summarise(jfr, o.resultsDir().resolve(ts + "-stacks.txt"),
                        o.resultsDir().resolve(ts + "-profile.txt")));
            }
        }
        phases.put("totalSeconds", Stats.round((System.nanoTime() - runStart) / 1e9));
        json.put("phases", phases);
        List<Report.Row> rows = Report.rows(json);
        json.put("figures", rows);
        json.put("notes", notes);
        String md = Report.markdown(json, rows, notes);
        Path jsonFile = o.resultsDir().resolve(ts + ".json");
        Path mdFile = o.resultsDir().resolve(ts + ".md");
        Files.writeString(jsonFile, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
        Files.writeString(mdFile, md);
        return new Result(json, rows, jsonFile, mdFile, md);
    }

    private static Map<String, Object> machine(Database db, Map<String, String> postgresSettings) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memoryGiB", Stats.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0));
                }
            }
            m.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (Exception e) {
            m.put("memoryGiB", null);
        }
        m.put("postgres", db.version());
        m.put("postgresSettings", postgresSettings);
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }
}
