package io.warden.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warden's boot jar as a child process with a 512 MB heap on its own database and a free port, its output in a log
 * file. Samples the heap in use every second (Prometheus endpoint) and reads the peak RSS before stopping it.
 */
final class WardenChild implements AutoCloseable {

    static final String HEAP = "512m";

    private final Process process;
    private final Path log;
    final Api api;
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong heapSamples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean stopping;
    private long peakRssKb = -1;
    private final long startedMs;
    private long readyMs;

    private WardenChild(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new Api(port);
        this.startedMs = System.currentTimeMillis();
        this.sampler = new Thread(this::sample, "heap-sampler");
        this.sampler.setDaemon(true);
    }

    static WardenChild start(Path jar, String dbUrl, String dbUser, String dbPassword, Path log, Path jfr,
                             Map<String, String> properties) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Warden's boot jar " + jar.toAbsolutePath() + " does not exist: build it first ("
                    + "./mvnw -B -DskipTests package -pl bench -am)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(javaBin.toString(), "-Xmx" + HEAP, "-Xms64m"));
        if (jfr != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("WARDEN_DB_URL", dbUrl);
        pb.environment().put("WARDEN_DB_USER", dbUser == null ? "" : dbUser);
        pb.environment().put("WARDEN_DB_PASSWORD", dbPassword == null ? "" : dbPassword);
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        System.out.println("[bench] starting Warden on port " + port + " (" + dbUrl + "), log " + log);
        WardenChild child = new WardenChild(pb.start(), log, port);
        child.awaitHealthy();
        child.sampler.start();
        return child;
    }

    private void awaitHealthy() throws IOException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Warden exited with " + process.exitValue() + " during start-up; see " + log
                        + ":\n" + tail());
            }
            try {
                Api.Response r = api.getOpen("/actuator/health");
                if (r.status() == 200 && r.body().contains("\"UP\"")) {
                    readyMs = System.currentTimeMillis();
                    System.out.printf("[bench] Warden is up after %.1f s%n", startSeconds());
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while it starts
            }
            Api.sleep(250);
        }
        throw new IllegalStateException("Warden did not become healthy within 180 s; see " + log);
    }

    double startSeconds() {
        return (readyMs - startedMs) / 1000.0;
    }

    long pid() {
        return process.pid();
    }

    private void sample() {
        while (!stopping && process.isAlive()) {
            try {
                Api.Response r = api.getText(Api.User.ERIN, "/actuator/prometheus");
                if (r.status() == 200) {
                    long used = 0;
                    for (String line : r.body().split("\n")) {
                        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                            used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        }
                    }
                    peakHeap.accumulateAndGet(used, Math::max);
                    heapSamples.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // a missed sample; the next one follows in a second
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The most heap in use at any sample, garbage included: G1 lets it grow towards the maximum before collecting. */
    long peakHeapBytes() {
        return peakHeap.get();
    }


    long heapSamples() {
        return heapSamples.get();
    }

    /**
     * The heap still reachable after a full collection, in bytes, or -1 where {@code jcmd} is missing or fails: the
     * total of {@code jcmd <pid> GC.class_histogram}, which collects the whole heap first. Measured once at the end of
     * the run, with the aggregate cache and the read models' state at their largest.
     */
    long liveHeapAfterFullGcBytes() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd) || !process.isAlive()) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            long total = -1;
            try (var lines = p.inputReader().lines()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("Total")) {
                        String[] parts = line.trim().split("\\s+");
                        total = Long.parseLong(parts[parts.length - 1]);
                    }
                }
            }
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? total : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Peak resident set (VmHWM) in kB, read from /proc while the process lives; -1 where /proc has none. */
    long readPeakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or already gone
        }
        return peakRssKb;
    }

    boolean sawOutOfMemory() {
        try {
            return Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGTERM, up to 30 s for a graceful stop, then SIGKILL. */
    @Override
    public void close() {
        stopping = true;
        sampler.interrupt();
        if (peakRssKb < 0) {
            readPeakRssKb();
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
