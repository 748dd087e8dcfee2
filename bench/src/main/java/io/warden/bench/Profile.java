package io.warden.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the JFR recording of a {@code --profile} run: CPU samples as collapsed stacks (root first, the input format
 * of flame graph tools), the hottest top frames, and the classes allocated most by sampled weight.
 */
final class Profile {

    private Profile() {
    }

    static Map<String, Object> summarise(Path jfr, Path stacksOut, Path summaryOut) throws IOException {
        Map<String, Long> stacks = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> alloc = new HashMap<>();
        long samples = 0;
        try (RecordingFile f = new RecordingFile(jfr)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = st.getFrames();
                    top.merge(frame(frames.get(0)), 1L, Long::sum);
                    List<String> names = new ArrayList<>();
                    for (int i = frames.size() - 1; i >= 0; i--) {
                        names.add(frame(frames.get(i)));
                    }
                    stacks.merge(String.join(";", names), 1L, Long::sum);
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    String cls = e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName();
                    alloc.merge(cls, e.getLong("weight"), Long::sum);
                }
            }
        }
        Files.write(stacksOut, stacks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(en -> en.getKey().replace(' ', '_') + " " + en.getValue()).collect(Collectors.toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executionSamples", samples);
        m.put("topFrames", topN(top, 25));
        m.put("topAllocationsBytes", topN(alloc, 20));
        m.put("stacksFile", stacksOut.toString());
        List<String> lines = new ArrayList<>();
        lines.add("# hot methods (top frame of " + samples + " CPU samples)");
        ((Map<?, ?>) m.get("topFrames")).forEach((k, v) -> lines.add(v + "\t" + k));
        lines.add("");
        lines.add("# allocations by sampled weight (bytes)");
        ((Map<?, ?>) m.get("topAllocationsBytes")).forEach((k, v) -> lines.add(v + "\t" + k));
        Files.write(summaryOut, lines);
        return m;
    }

    private static Map<String, Long> topN(Map<String, Long> counts, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
