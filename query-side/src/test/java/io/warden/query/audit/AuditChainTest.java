package io.warden.query.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AuditChain#link} hashes the entry as it goes; the hash must stay that of the canonical entry's bytes. */
class AuditChainTest {

    @Test
    void a_link_is_the_hash_of_the_previous_hash_and_the_canonical_entry() throws Exception {
        Random random = new Random(64);
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < 2_000; i++) {
            StoredEvent event = new StoredEvent(random.nextLong(), text(random), random.nextInt(4) == 0 ? null : text(random),
                    text(random), random.nextInt(1000), text(random), text(random), random.nextInt(3) == 0 ? null : text(random),
                    bytes(random), random.nextInt(4) == 0 ? null : bytes(random));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
            String expected = HexFormat.of().formatHex(sha256.digest(AuditChain.canonicalEntry(event)));

            String hash = AuditChain.link(previous, event);

            assertThat(hash).as("entry %d", i).isEqualTo(expected);
            previous = hash;
        }
    }

    private static String text(Random random) {
        String[] pieces = {"", "a", "Account", "-", ":", ",", "1:", "é", "中", "😀", "2026-02-23T09:15:00.123456789Z"};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(10) == 0 ? random.nextInt(100_000) : random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
    }
}
