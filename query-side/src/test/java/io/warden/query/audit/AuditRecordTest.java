package io.warden.query.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuditRecord#topLevelTexts} reads fields with the streaming parser; the rows must not change for it, so it is
 * held against the tree-based reading it replaced (kept here, and only here, as the reference) on edge cases and on
 * many generated documents, well-formed and damaged.
 */
class AuditRecordTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<List<String>> FIELD_LISTS = List.of(AuditRecord.META_DATA_FIELDS, AuditRecord.PAYLOAD_FIELDS);
    private static final String[] NAMES = {"actor", "actorRoles", "correlationId", "causationId", "reason", "other",
            "", "Reason", "reason ", "re\\u0061son", "nested"};

    @Test
    void fields_are_read_as_the_tree_read_them_in_every_edge_case() {
        List<String> cases = List.of("", " ", "\n", "null", "true", "1", "\"reason\"", "[]", "[{\"reason\":\"x\"}]", "{}",
                "{\"reason\":\"distillation\"}", "{\"reason\":null}", "{\"reason\":\"\"}", "{\"reason\":1}",
                "{\"reason\":-0}", "{\"reason\":1.0}", "{\"reason\":1e5}", "{\"reason\":1E+2}", "{\"reason\":1e400}",
                "{\"reason\":-1e400}", "{\"reason\":123456789012345678901234567890}", "{\"reason\":0.1000000000000000055511151231257827}",
                "{\"reason\":true}", "{\"reason\":false}", "{\"reason\":[1, \"a\" , {\"b\" : null}]}",
                "{\"reason\":{\"x\":1,\"x\":2}}", "{\"reason\":{\"y\":\"\\u00e9\\n\\t\\\"\"}}", "{\"reason\":\"a\",\"reason\":\"b\"}",
                "{\"reason\":\"a\",\"reason\":null}", "{\"reason\":null,\"reason\":\"a\"}", "{\"reason\":\"a\",\"reason\":{\"c\":[]}}",
                "{\"reason\":\"a\"} ", "{\"reason\":\"a\"}\n\n", "{\"reason\":\"a\"} x", "{\"reason\":\"a\"} {}",
                "{\"reason\":\"a\"}{\"reason\":\"b\"}", "{\"reason\":\"a\"} null", "{\"reason\":\"a\"}//", "{\"reason\":\"a\"",
                "{\"reason\":\"a", "{\"reason\":", "{\"reason\"", "{\"reason\":\"a\",}", "{\"reason\":\"a\",\"other\":}",
                "{'reason':'a'}", "{reason:\"a\"}", "{\"reason\":NaN}", "{\"reason\":01}", "{\"reason\":+1}", "{\"reason\":.5}",
                "{\"other\":\"\\x\",\"reason\":\"a\"}", "{\"other\":\"\\u12\",\"reason\":\"a\"}", "{\"other\":\"\t\",\"reason\":\"a\"}",
                "{\"reason\":\"a\",\"other\":[1,2,{\"x\":[[[]]]}]}", "{\"reason\":\"a\",\"other\":[1,2,{\"x\":[[[]]}]}",
                "{\"reason\":\"\\ud800\"}", "{\"reason\":\"\\ud83d\\ude00 caf\u00e9 \u4e2d\u6587 \\\\N \\\\.\"}",
                "{\"re\\u0061son\":\"escaped name\"}", "{\"actor\":\"alice\",\"actorRoles\":\"ENFORCER,ADMIN\","
                        + "\"correlationId\":\"c\",\"causationId\":\"d\",\"traceId\":\"t\"}",
                "{\"actor\":{\"name\":\"alice\"},\"actorRoles\":[\"A\",\"B\"],\"correlationId\":7}",
                "\uFEFF{\"reason\":\"after a byte order mark\"}", "{\"reason\":\"a\"}\u0000", "{\"other\":\"" + "\\\"".repeat(100) + "\"}",
                "[".repeat(600) + "]".repeat(600), "{\"other\":" + "[".repeat(600) + "]".repeat(600) + ",\"reason\":\"deep\"}",
                "{\"other\":" + "[".repeat(400) + "]".repeat(400) + ",\"reason\":\"deep\"}",
                "{\"other\":" + "9".repeat(1001) + ",\"reason\":\"long number\"}", "{\"other\":" + "9".repeat(999) + ",\"reason\":\"a\"}",
                "{\"reason\":" + "9".repeat(1001) + "}");
        for (String json : cases) {
            assertSameAsTree(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bytes_that_are_not_utf8_make_the_document_unreadable_as_they_did_the_tree() {
        byte[][] sequences = {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC3},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {0x01}, {0x00}};
        for (byte[] sequence : sequences) {
            for (String template : List.of("{\"other\":\"a#b\",\"reason\":\"r\"}", "{\"reason\":\"a#b\"}",
                    "{\"nested\":{\"x\":[\"#\"]},\"reason\":\"r\"}", "{\"#\":1,\"reason\":\"r\"}", "{\"reason\":\"r\"}#")) {
                assertSameAsTree(replace(template, sequence));
            }
        }
    }

    @Test
    void documents_in_utf16_and_utf32_are_read_as_the_tree_read_them() {
        for (String json : List.of("{\"reason\":\"wide\",\"other\":[1,\"x\"]}", "{\"reason\":\"wide\"", "{\"reason\":\"a\"} x")) {
            for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE")) {
                assertSameAsTree(json.getBytes(java.nio.charset.Charset.forName(charset)));
            }
        }
    }

    @Test
    void generated_documents_and_their_damaged_copies_are_read_as_the_tree_read_them() {
        Random random = new Random(20260223);
        for (int i = 0; i < 5_000; i++) {
            String json = object(random, 0);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertSameAsTree(bytes);
            assertSameAsTree(Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            byte[] flipped = bytes.clone();
            flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
            assertSameAsTree(flipped);
            byte[] deleted = new byte[bytes.length - 1];
            int cut = random.nextInt(bytes.length);
            System.arraycopy(bytes, 0, deleted, 0, cut);
            System.arraycopy(bytes, cut + 1, deleted, cut, bytes.length - cut - 1);
            assertSameAsTree(deleted);
            assertSameAsTree((json + (random.nextBoolean() ? " " + value(random, 0) : "  \n")).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void an_entry_is_derived_from_the_fields_of_its_stored_payload_and_metadata() {
        StoredEvent event = StoredEvents.withPayload(StoredEvents.suspension(9, "acct-1", 2),
                "{\"accountId\":\"acct-1\",\"evidence\":{\"reason\":\"nested, not this\"},\"reason\":\"proxy \\\"network\\\"\"}");

        AuditRecord entry = AuditRecord.derive(event, AuditChain.GENESIS);

        assertThat(entry.reason()).isEqualTo("proxy \"network\"");
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.actorRoles()).isEqualTo("ENFORCER");
        assertThat(entry.correlationId()).isEqualTo("corr-9");
        assertThat(entry.causationId()).isEqualTo("cmd-9");
    }

    private static void assertSameAsTree(byte[] json) {
        for (List<String> fields : FIELD_LISTS) {
            assertThat(AuditRecord.topLevelTexts(json, fields))
                    .as("%s of %s", fields, new String(json, StandardCharsets.UTF_8))
                    .containsExactly(treeTexts(json, fields));
        }
    }

    /** The reading {@link AuditRecord#derive} did before the streaming parser: the whole document as a tree. */
    static String[] treeTexts(byte[] json, List<String> fields) {
        JsonNode tree;
        try {
            tree = json == null ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            tree = null;
        }
        String[] values = new String[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = text(tree, fields.get(i));
        }
        return values;
    }

    private static String text(JsonNode object, String field) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static String object(Random random, int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < fields; i++) {
            json.append(i == 0 ? "" : ",").append(space(random)).append('"').append(NAMES[random.nextInt(NAMES.length)])
                    .append('"').append(space(random)).append(':').append(space(random)).append(value(random, depth + 1));
        }
        return json.append(space(random)).append('}').toString();
    }

    private static String value(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 7 : 9)) {
            case 0:
                return "null";
            case 1:
                return random.nextBoolean() ? "true" : "false";
            case 2:
                return List.of("0", "-0", "7", "-12", "3.25", "1e5", "1E-7", "2.50", "1e400", "123456789012345678901234567890",
                        "9223372036854775808", "-9223372036854775809", "0.1", "100.000").get(random.nextInt(14));
            case 3, 4, 5, 6:
                return '"' + string(random) + '"';
            case 7:
                return object(random, depth);
            default:
                StringBuilder array = new StringBuilder("[");
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.append(i == 0 ? "" : ",").append(space(random)).append(value(random, depth + 1));
                }
                return array.append(']').toString();
        }
    }

    private static String string(Random random) {
        String[] pieces = {"alice", "ENFORCER,ADMIN", " ", "\\t", "\\n", "\\r", "\\\\", "\\\"", "\\/", "\\u0041", "\\u00e9",
                "\\ud83d\\ude00", "\\ud800", "\\u0000", "\u00e9", "\u4e2d", "\ud83d\ude00", "\\N", ",", "{}", "[", "'"};
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static String space(Random random) {
        return List.of("", "", "", " ", "\n", "\t ", "\r\n").get(random.nextInt(7));
    }

    private static byte[] replace(String template, byte[] sequence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = template.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b == '#') {
                out.writeBytes(sequence);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
