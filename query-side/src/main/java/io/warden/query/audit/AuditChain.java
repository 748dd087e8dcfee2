package io.warden.query.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail, defined on the stored events alone so that anyone with read access to
 * {@code domain_event_entry} can recompute it, and nothing in it depends on how Jackson (or any serializer) orders,
 * spaces or formats JSON today or after an upgrade.
 * <p>
 * <b>Canonical entry</b> (version 1): the UTF-8 bytes of these fields of the stored row, in this order, each written
 * as a netstring {@code <byte length in ASCII decimal>:<bytes>,}, and a SQL NULL written as the single byte
 * {@code -} (a netstring always starts with a digit, so the two cannot be confused):
 * <ol>
 *     <li>the format tag {@code warden-audit-v1}</li>
 *     <li>{@code global_index} (the position), in ASCII decimal</li>
 *     <li>{@code event_identifier}</li>
 *     <li>{@code type} (aggregate type; may be NULL)</li>
 *     <li>{@code aggregate_identifier}</li>
 *     <li>{@code sequence_number}, in ASCII decimal</li>
 *     <li>{@code time_stamp}, the text as stored</li>
 *     <li>{@code payload_type}</li>
 *     <li>{@code payload_revision} (may be NULL)</li>
 *     <li>{@code payload}, the stored bytes unchanged</li>
 *     <li>{@code meta_data}, the stored bytes unchanged (may be NULL)</li>
 * </ol>
 * <b>Link</b>: {@code hash = lowercase hex of SHA-256(previousHash ‖ canonical entry)}, where {@code previousHash}
 * is the 64 ASCII hex characters of the previous entry's hash in {@code global_index} order, and 64 zeros for the
 * first entry.
 * <p>
 * Why the stored bytes rather than canonical JSON with sorted keys: every byte counts (an edit that leaves the JSON
 * "equivalent", such as {@code 1E5} for {@code 1e5} or a reordered key, is still detected), there is no JSON
 * canonicalizer whose number formatting must stay identical forever, and upcasters (which change what handlers see,
 * never what is stored) cannot make a replayed chain differ from the original. The audit rows keep the same bytes
 * as text, so the trail shows exactly what was hashed.
 */
final class AuditChain {

    static final String FORMAT = "warden-audit-v1";
    static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] FORMAT_BYTES = FORMAT.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'-'};
    private static final byte[] COMMA = {','};

    private AuditChain() {
    }

    static byte[] canonicalEntry(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length) + 256);
        write(event, out::write);
        return out.toByteArray();
    }

    static String link(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        // straight into the digest: a copy of the entry (payload and metadata included) would only be hashed and dropped
        write(event, sha256::update);
        return HEX.formatHex(sha256.digest());
    }

    /** Where the canonical entry goes: a buffer, or the digest itself. */
    private interface Sink {
        void write(byte[] bytes, int offset, int length);
    }

    private static void write(StoredEvent event, Sink out) {
        netstring(out, FORMAT_BYTES);
        netstring(out, utf8(Long.toString(event.position())));
        netstring(out, utf8(event.eventId()));
        netstring(out, utf8(event.aggregateType()));
        netstring(out, utf8(event.aggregateId()));
        netstring(out, utf8(Long.toString(event.sequenceNumber())));
        netstring(out, utf8(event.timestamp()));
        netstring(out, utf8(event.payloadType()));
        netstring(out, utf8(event.payloadRevision()));
        netstring(out, event.payload());
        netstring(out, event.metaData());
    }

    private static void netstring(Sink out, byte[] value) {
        if (value == null) {
            out.write(NULL, 0, 1);
            return;
        }
        byte[] length = (value.length + ":").getBytes(StandardCharsets.US_ASCII);
        out.write(length, 0, length.length);
        out.write(value, 0, value.length);
        out.write(COMMA, 0, 1);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
