package io.warden.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of latencies (nanoseconds in, milliseconds out): nearest rank over the sorted samples. */
final class Stats {

    private Stats() {
    }

    static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
    }

    static Map<String, Object> latency(long[] nanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", nanos.length);
        m.put("p50Ms", round(percentileMs(nanos, 50)));
        m.put("p99Ms", round(percentileMs(nanos, 99)));
        m.put("maxMs", round(percentileMs(nanos, 100)));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
