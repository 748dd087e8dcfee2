package io.warden.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a run as table rows (Warden, baseline, ratio Warden ÷ baseline, target, met) and as Markdown. */
public final class Report {

    private Report() {
    }

    static Object at(Map<String, Object> json, String path) {
        Object cur = json;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }

    static Double num(Map<String, Object> json, String path) {
        Object v = at(json, path);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static Double ratio(Double w, Double b) {
        return w == null || b == null || b == 0 ? null : Stats.round(w / b);
    }

    static List<Row> rows(Map<String, Object> j) {
        List<Row> rows = new ArrayList<>();
        Double intake = num(j, "warden.intake.eventsPerSecond");
        Double rawBatch = num(j, "baselines.batchedInsert.rowsPerSecond");
        Double r = ratio(intake, rawBatch);
        rows.add(new Row("Bulk intake (violations:batch)", orNaN(intake), "events/s", rawBatch, "raw batched insert rows/s", r,
                ">= 0.5x raw batched insert", r == null ? null : r >= 0.5));
        Double stockIntake = num(j, "stockAxon.intake.eventsPerSecond");
        rows.add(new Row("Bulk intake vs stock Axon", orNaN(intake), "events/s", stockIntake, "stock Axon events/s",
                ratio(intake, stockIntake), null, null));
        for (String c : new String[]{"1", "4", "16"}) {
            Double w = num(j, "warden.singleCommands." + c + ".perSecond");
            Double b = num(j, "baselines.singleRow." + c + ".perSecond");
            Double rr = ratio(w, b);
            boolean target = c.equals("16");
            rows.add(new Row("Single commands (POST /accounts), " + c + " client" + (c.equals("1") ? "" : "s"), orNaN(w), "commands/s",
                    b, "raw single-row transactions/s", rr, target ? ">= 0.5x raw single-row transactions" : null,
                    target && rr != null ? rr >= 0.5 : null));
            for (String p : new String[]{"p50Ms", "p99Ms"}) {
                Double wl = num(j, "warden.singleCommands." + c + "." + p);
                Double bl = num(j, "baselines.singleRow." + c + "." + p);
                rows.add(new Row("  " + c + " client" + (c.equals("1") ? "" : "s") + " latency " + p.substring(0, 3), orNaN(wl), "ms", bl,
                        "raw single-row ms", ratio(wl, bl), null, null));
            }
        }
        Double stock16 = num(j, "stockAxon.singleCommands.16.perSecond");
        Double w16 = num(j, "warden.singleCommands.16.perSecond");
        rows.add(new Row("Single commands, 16 clients, vs stock Axon", orNaN(w16), "commands/s", stock16, "stock Axon commands/s",
                ratio(w16, stock16), null, null));

        Double tdSeconds = num(j, "warden.takedown.readModelsConsistentSeconds");
        Double tdRate = num(j, "warden.takedown.accountsPerSecond");
        Double stockTd = num(j, "stockAxon.takedown.accountsPerSecond");
        Double accounts = num(j, "warden.takedown.accounts");
        rows.add(new Row("Takedown of " + (accounts == null ? "?" : String.format(Locale.ROOT, "%,.0f", accounts))
                + " accounts until every read model shows it", orNaN(tdSeconds), "s", null, null, null,
                "24,000 accounts <= 30 s (>= 800 accounts/s)", tdRate == null ? null : tdRate >= 800));
        rows.add(new Row("Takedown rate (read models consistent)", orNaN(tdRate), "accounts/s", stockTd, "stock Axon accounts/s",
                ratio(tdRate, stockTd), ">= 800 accounts/s", tdRate == null ? null : tdRate >= 800));
        rows.add(new Row("Takedown, write side complete", orNaN(num(j, "warden.takedown.writeSideSeconds")), "s", null, null, null, null, null));

        Double replay = num(j, "warden.replay.eventsPerSecond");
        Double stockReplay = num(j, "stockAxon.replay.eventsPerSecond");
        Double seq = num(j, "baselines.sequentialRead.rowsPerSecond");
        Double rs = ratio(replay, stockReplay);
        rows.add(new Row("Replay of every projection", orNaN(replay), "events/s", stockReplay, "stock Axon events/s", rs,
                ">= 25,000 events/s and >= 8x stock Axon", replay == null || rs == null ? null : replay >= 25_000 && rs >= 8));
        rows.add(new Row("Replay vs sequential read of the event table", orNaN(replay), "events/s", seq, "sequential read rows/s",
                ratio(replay, seq), null, null));

        Double ev1 = num(j, "warden.atFirstCheckpoint.events");
        Double ev2 = num(j, "warden.atHistory.events");
        String[][] queries = {{"dashboard", "Dashboard (GET /dashboard)"}, {"account", "Account view (GET /accounts/{id})"},
                {"audit", "Audit trail (GET /accounts/{id}/audit)"}, {"screening", "Screening (POST /screening/check)"}};
        for (String[] q : queries) {
            for (String p : new String[]{"p50Ms", "p99Ms"}) {
                Double big = num(j, "warden.atHistory." + q[0] + "." + p);
                Double small = num(j, "warden.atFirstCheckpoint." + q[0] + "." + p);
                boolean target = q[0].equals("dashboard") && p.equals("p99Ms");
                rows.add(new Row(q[1] + " " + p.substring(0, 3) + " at " + events(ev2), orNaN(big), "ms", small,
                        "same at " + events(ev1) + " (ratio: growth)", ratio(big, small), target ? "< 100 ms at 1M events" : null,
                        target && big != null ? big < 100 : null));
            }
        }
        Double heap = num(j, "memory.peakHeapUsedMb");
        Object oom = at(j, "memory.outOfMemoryError");
        rows.add(new Row("Peak heap used (-Xmx512m)", orNaN(heap), "MB", null, null, null, "the whole run inside a 512 MB heap",
                heap == null ? null : heap <= 512 && Boolean.FALSE.equals(oom)));
        Double live = num(j, "memory.liveHeapAtEndMb");
        if (live != null && live > 0) { // -1: no jcmd beside the harness's java (a JRE)
            rows.add(new Row("Live heap at the end (after a full GC)", live, "MB", null, null, null, null, null));
        }
        rows.add(new Row("Peak RSS (VmHWM)", orNaN(num(j, "memory.peakRssMb")), "MB", null, null, null, null, null));
        return rows;
    }

    private static String events(Double n) {
        if (n == null) {
            return "?";
        }
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.2fM events", n / 1e6) : String.format(Locale.ROOT, "%.0fk events", n / 1e3);
    }

    static String fmt(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String markdown(Map<String, Object> j, List<Row> rows, List<String> notes) {
        StringBuilder sb = new StringBuilder();
        Map<?, ?> m = (Map<?, ?>) j.get("machine");
        sb.append("Warden benchmark, ").append(j.get("mode")).append(" run ").append(j.get("timestamp")).append(", seed ")
                .append(j.get("seed")).append("; ").append(m.get("cores")).append(" cores, ").append(m.get("memoryGiB"))
                .append(" GiB, ").append(shortPg(String.valueOf(m.get("postgres")))).append(", ").append(m.get("jvm"))
                .append(" (").append(m.get("postgresSettings")).append(")")
                .append("; load average at start ").append(m.get("loadAverageAtStart")).append("\n\n");
        sb.append("| figure | Warden | baseline | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            sb.append("| ").append(r.figure()).append(" | ").append(fmt(r.warden())).append(' ').append(r.unit())
                    .append(" | ").append(r.baseline() == null ? "–" : fmt(r.baseline()) + " (" + r.baselineLabel() + ")")
                    .append(" | ").append(r.ratio() == null ? "–" : fmt(r.ratio()) + "x")
                    .append(" | ").append(r.target() == null ? "" : r.target())
                    .append(" | ").append(r.met() == null ? "" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        sb.append("\nStock Axon: ").append(at(j, "stockAxon.note")).append(". Screening list: ")
                .append(at(j, "warden.screeningList.source")).append(". Phases (s): ").append(j.get("phases")).append('\n');
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static String shortPg(String v) {
        String[] parts = v.split(" ");
        return parts.length > 1 ? parts[0] + " " + parts[1] : v;
    }

    /** One line of the table; {@code ratio} is always Warden ÷ baseline. */
    public record Row(String figure, double warden, String unit, Double baseline, String baselineLabel, Double ratio,
               String target, Boolean met) {
    }
}
