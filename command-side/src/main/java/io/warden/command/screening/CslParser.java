package io.warden.command.screening;

import io.warden.api.types.RejectedRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a list in the US Consolidated Screening List CSV layout (header row, 29 columns, alternative names in
 * {@code alt_names} separated by {@code ;}), plain or gzipped (told apart by the gzip magic bytes, not the name).
 * <p>
 * A malformed row is reported with its line and skipped; it never aborts the import. To make that possible each
 * logical record is cut out of the stream first (physical lines are joined while a quoted field is open) and parsed
 * on its own by Commons CSV, because Commons CSV cannot resume after a quoting error inside one parser.
 */
public final class CslParser {

    public static final int COLUMNS = 29;
    static final List<String> REQUIRED = List.of("_id", "source", "type", "name", "alt_names", "addresses", "programs");
    /** A record still unbalanced after this many physical lines is a stray quote, not a long address. */
    private static final int MAX_LINES_PER_RECORD = 40;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(false).get();

    public ParsedList parse(InputStream raw) {
        MessageDigest sha = sha256();
        try (InputStream in = decoded(new DigestInputStream(raw, sha));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new MalformedListException("The file is empty; a list in the CSL layout starts with a header row of "
                        + COLUMNS + " columns.");
            }
            List<String> header = parseRecord(stripBom(headerLine));
            Columns columns = Columns.of(header);
            List<ListEntry> entries = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            Set<String> seenIds = new HashSet<>();
            long lineNumber = 1;
            // lines given back after a stray quote swallowed them, read again before the rest of the file
            java.util.ArrayDeque<NumberedLine> again = new java.util.ArrayDeque<>();
            List<NumberedLine> pending = new ArrayList<>();
            while (true) {
                NumberedLine next;
                if (!again.isEmpty()) {
                    next = again.poll();
                } else {
                    String line = reader.readLine();
                    next = line == null ? null : new NumberedLine(++lineNumber, line);
                }
                if (next == null) {
                    if (pending.isEmpty()) {
                        break;
                    }
                    // the file ended inside a quoted field: only the record's first line is lost
                    giveBack(pending, again, rejected);
                    continue;
                }
                pending.add(next);
                String text = joined(pending);
                if (!quotesOpen(text)) {
                    accept(text, pending.get(0).number(), columns, entries, rejected, seenIds);
                    pending.clear();
                } else if (pending.size() >= MAX_LINES_PER_RECORD) {
                    giveBack(pending, again, rejected);
                }
            }
            in.transferTo(OutputStreamSink.INSTANCE);
            return new ParsedList(entries, rejected, java.util.HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new MalformedListException("The file could not be read: " + e.getMessage(), e);
        }
    }

    private record NumberedLine(long number, String text) {
    }

    /** Rejects the first line of an unbalanced record and returns the lines after it to be read again. */
    private static void giveBack(List<NumberedLine> pending, java.util.ArrayDeque<NumberedLine> again,
                                 List<RejectedRow> rejected) {
        rejected.add(new RejectedRow(pending.get(0).number(), "a quoted field is never closed"));
        for (int i = pending.size() - 1; i >= 1; i--) {
            again.addFirst(pending.get(i));
        }
        pending.clear();
    }

    private static String joined(List<NumberedLine> lines) {
        if (lines.size() == 1) {
            return lines.get(0).text();
        }
        StringBuilder text = new StringBuilder();
        for (NumberedLine line : lines) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line.text());
        }
        return text.toString();
    }

    private void accept(String text, long line, Columns columns, List<ListEntry> entries, List<RejectedRow> rejected,
                        Set<String> seenIds) {
        if (text.isBlank()) {
            return;
        }
        List<String> values;
        try {
            values = parseRecord(text);
        } catch (RuntimeException e) {
            rejected.add(new RejectedRow(line, "not valid CSV: " + rootMessage(e)));
            return;
        }
        if (values.size() != columns.count()) {
            rejected.add(new RejectedRow(line, "has " + values.size() + " columns, the header has " + columns.count()));
            return;
        }
        String id = values.get(columns.id()).trim();
        String name = values.get(columns.name()).trim();
        if (id.isEmpty()) {
            rejected.add(new RejectedRow(line, "_id is empty"));
            return;
        }
        if (name.isEmpty()) {
            rejected.add(new RejectedRow(line, "name is empty"));
            return;
        }
        String source = values.get(columns.source()).trim();
        String entryId = listCode(source) + ":" + id;
        if (!seenIds.add(entryId)) {
            rejected.add(new RejectedRow(line, "_id " + id + " of " + source + " appears earlier in the file"));
            return;
        }
        List<String> altNames = Arrays.stream(values.get(columns.altNames()).split(";"))
                .map(String::trim).filter(s -> !s.isEmpty() && !s.equalsIgnoreCase(name)).distinct().toList();
        String addresses = values.get(columns.addresses()).trim();
        entries.add(new ListEntry(entryId, source, values.get(columns.type()).trim(), name,
                altNames, values.get(columns.programs()).trim(), addresses, countriesOf(addresses)));
    }

    /**
     * The short name of a list, from its source ("Entity List (EL) - Bureau of …" is EL). The CSL reuses one
     * {@code _id} for a party on several lists (SDN and SSI, say), so an entry is the pair of list and id.
     */
    static String listCode(String source) {
        int open = source.indexOf('(');
        int close = source.indexOf(')', open + 1);
        if (open >= 0 && close > open + 1) {
            return source.substring(open + 1, close).trim().replace(' ', '-');
        }
        String compact = source.replaceAll("[^A-Za-z0-9]+", "-");
        return compact.isEmpty() ? "LIST" : compact;
    }

    /** Addresses are "street, city, region, postcode, CC" separated by ";": the last part of each is its country. */
    static List<String> countriesOf(String addresses) {
        Set<String> countries = new LinkedHashSet<>();
        for (String address : addresses.split(";")) {
            String[] parts = address.split(",");
            String last = parts[parts.length - 1].trim().toUpperCase(Locale.ROOT);
            if (COUNTRY.matcher(last).matches()) {
                countries.add(last);
            }
        }
        return List.copyOf(countries);
    }

    private static List<String> parseRecord(String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("holds " + records.size() + " records");
            }
            return records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An odd number of quote characters means a quoted field is still open ("" inside a field counts twice). */
    private static boolean quotesOpen(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static InputStream decoded(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered) : buffered;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Where the rest of the stream goes once the records are read, so the checksum covers every byte. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private record Columns(int count, int id, int source, int type, int name, int altNames, int addresses,
                           int programs) {

        static Columns of(List<String> header) {
            List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = REQUIRED.stream().filter(r -> !names.contains(r)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedListException("The header lacks the column(s) " + String.join(", ", missing)
                        + "; a list in the CSL layout has " + COLUMNS + " columns starting with _id,source,entity_number.");
            }
            return new Columns(names.size(), names.indexOf("_id"), names.indexOf("source"), names.indexOf("type"),
                    names.indexOf("name"), names.indexOf("alt_names"), names.indexOf("addresses"),
                    names.indexOf("programs"));
        }
    }
}
