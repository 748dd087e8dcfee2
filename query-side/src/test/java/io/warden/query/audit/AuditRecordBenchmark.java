package io.warden.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Measures (asserts nothing) what one audit entry costs before it is written: reading its fields (the streaming
 * read of {@link AuditRecord#derive} against the tree reading it replaced) and linking it (hashing as written
 * against copying the canonical entry first). Run by hand after {@code ./mvnw -B -o test-compile -pl query-side -am},
 * with {@code query-side/target/test-classes}, {@code query-side/target/classes}, {@code shared-events/target/classes}
 * and the Jackson jars on the class path: {@code java -Dn=100000 -cp ... io.warden.query.audit.AuditRecordBenchmark}.
 */
final class AuditRecordBenchmark {

    private static final String PAYLOAD = "{\"accountId\":\"rb-004711\",\"violationId\":\"v-6f1c2b9e-8d0a-4c53-9a57-2f0e4b1d7c88\","
            + "\"category\":\"EXPORT_CONTROL\",\"policy\":\"DISTILLATION\",\"severity\":\"HIGH\",\"detectedAt\":\"2026-07-14T03:12:45Z\","
            + "\"evidence\":{\"detector\":\"distill-watch\",\"summary\":\"near-identical prompts\",\"confidence\":0.9,"
            + "\"interactionCount\":40000,\"sourceCountry\":\"SG\"},\"reason\":\"coordinated distillation\"}";
    private static final String META_DATA = "{\"actor\":\"dave\",\"actorRoles\":\"DETECTOR\",\"correlationId\":"
            + "\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"causationId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\","
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";

    private AuditRecordBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StoredEvent event = new StoredEvent(123_456, "6f1c2b9e-8d0a-4c53-9a57-2f0e4b1d7c88", "Account", "rb-004711", 17,
                "2026-07-14T03:12:45.123456789Z", "io.warden.api.events.ViolationRecordedEvent", "1",
                PAYLOAD.getBytes(StandardCharsets.UTF_8), META_DATA.getBytes(StandardCharsets.UTF_8));
        int n = Integer.parseInt(System.getProperty("n", "200000"));
        for (int round = 0; round < 5; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += AuditRecord.topLevelTexts(event.metaData(), AuditRecord.META_DATA_FIELDS)[0].length();
                sink += AuditRecord.topLevelTexts(event.payload(), AuditRecord.PAYLOAD_FIELDS)[0].length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += AuditRecordTest.treeTexts(event.metaData(), AuditRecord.META_DATA_FIELDS)[0].length();
                sink += AuditRecordTest.treeTexts(event.payload(), AuditRecord.PAYLOAD_FIELDS)[0].length();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += AuditChain.link(AuditChain.GENESIS, event).charAt(0);
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII));
                sink += HexFormat.of().formatHex(sha256.digest(AuditChain.canonicalEntry(event))).charAt(0);
            }
            long t4 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += AuditRecord.derive(event, AuditChain.GENESIS).hash().charAt(0);
            }
            long t5 = System.nanoTime();
            System.out.printf("AUDIT BENCHMARK round %d: fields streamed %.2f µs, as trees %.2f µs; link as written %.2f µs, "
                            + "copied first %.2f µs; whole derive %.2f µs per event (%d)%n", round, (t1 - t0) / 1e3 / n,
                    (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n, (t5 - t4) / 1e3 / n, sink % 10);
        }
    }
}
