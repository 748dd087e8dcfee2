package io.warden.command.screening;

import io.warden.api.types.RejectedRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CslParserTest {

    static final String HEADER = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
            + "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
            + "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
            + "dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    /** A row in the CSL layout with the given values and every other column empty. */
    static String row(String id, String source, String type, String name, String addresses, String altNames) {
        String[] columns = new String[29];
        java.util.Arrays.fill(columns, "");
        columns[0] = id;
        columns[1] = quoted(source);
        columns[3] = type;
        columns[5] = quoted(name);
        columns[7] = quoted(addresses);
        columns[22] = quoted(altNames);
        return String.join(",", columns);
    }

    static String quoted(String value) {
        return value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private final CslParser parser = new CslParser();

    private ParsedList parse(String csv) {
        return parser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_list_in_the_csl_layout_yields_its_entries_with_alternative_names_and_countries() {
        ParsedList list = parse(HEADER + "\n"
                + row("e-1", "Entity List (EL) - Bureau of Industry and Security", "Entity", "Northwind Quantum Co., Ltd.",
                "12 Harbour Road, Shenzhen, Guangdong, 518000, CN; 3 Queen's Road, Hong Kong, HK",
                "Northwind Quantum; NW Quantum Computing ;") + "\n");

        assertThat(list.rejected()).isEmpty();
        assertThat(list.entries()).singleElement().satisfies(e -> {
            assertThat(e.entryId()).isEqualTo("EL:e-1");
            assertThat(e.source()).startsWith("Entity List");
            assertThat(e.name()).isEqualTo("Northwind Quantum Co., Ltd.");
            assertThat(e.altNames()).containsExactly("Northwind Quantum", "NW Quantum Computing");
            assertThat(e.countries()).containsExactly("CN", "HK");
        });
    }

    @Test
    void quoted_fields_keep_their_commas_quotes_and_line_breaks() {
        ParsedList list = parse(HEADER + "\n"
                + row("e-1", "SDN", "Entity", "Bluestone \"Optical\" Institute, Wuhan", "88 Lake Street\nWuhan, CN", "") + "\n"
                + row("e-2", "SDN", "Entity", "Second Entry", "", "") + "\n");

        assertThat(list.rejected()).isEmpty();
        assertThat(list.entries()).extracting(ListEntry::name)
                .containsExactly("Bluestone \"Optical\" Institute, Wuhan", "Second Entry");
        assertThat(list.entries().get(0).addresses()).isEqualTo("88 Lake Street\nWuhan, CN");
    }

    @Test
    void a_malformed_row_is_reported_with_its_line_and_skipped_while_the_others_are_kept() {
        ParsedList list = parse(HEADER + "\n"
                + row("e-1", "SDN", "Entity", "First Entry", "Line one\nline two, RU", "") + "\n"   // lines 2-3
                + "e-2,SDN,,Entity,,Too Few Columns\n"                                              // line 4
                + row("e-3", "SDN", "Entity", "", "", "") + "\n"                                     // line 5
                + row("e-4", "SDN", "Entity", "Fourth Entry", "", "") + "\n"                         // line 6
                + "e-5,SDN,,Entity,,\"Broken \"quote\" here,,,,,,,,,,,,,,,,,,,,,,,\n"                 // line 7
                + row("e-6", "SDN", "Entity", "Sixth Entry", "", "") + "\n"                          // line 8
                + row("e-1", "SDN", "Entity", "Duplicate Of First", "", "") + "\n");                 // line 9

        assertThat(list.entries()).as(list.rejected().toString()).extracting(ListEntry::entryId).containsExactly("SDN:e-1", "SDN:e-4", "SDN:e-6");
        assertThat(list.rejected()).extracting(RejectedRow::line).containsExactly(4L, 5L, 7L, 9L);
        assertThat(list.rejected().get(0).reason()).contains("6 columns");
        assertThat(list.rejected().get(1).reason()).contains("name is empty");
        assertThat(list.rejected().get(2).reason()).contains("never closed");
        assertThat(list.rejected().get(3).reason()).contains("appears earlier");
    }

    @Test
    void an_unclosed_quote_loses_only_its_own_row() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        csv.append("e-0,SDN,,Entity,,\"Never closed,,,,,,,,,,,,,,,,,,,,,,,\n");                     // line 2
        for (int i = 1; i <= 50; i++) {
            csv.append(row("e-" + i, "SDN", "Entity", "Entry Number " + i, "", "")).append('\n');
        }

        ParsedList list = parse(csv.toString());

        assertThat(list.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2L);
            assertThat(r.reason()).contains("never closed");
        });
        assertThat(list.entries()).hasSize(50);
    }

    @Test
    void a_gzipped_list_is_recognised_by_its_magic_bytes_and_its_checksum_covers_the_uploaded_bytes() throws Exception {
        String csv = HEADER + "\n" + row("e-1", "SDN", "Entity", "Zipped Entry", "", "") + "\n";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        ParsedList list = parser.parse(new ByteArrayInputStream(zipped.toByteArray()));

        assertThat(list.entries()).extracting(ListEntry::name).containsExactly("Zipped Entry");
        assertThat(list.checksum()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(zipped.toByteArray())));
    }

    @Test
    void a_file_without_the_csl_header_is_refused_as_a_whole() {
        assertThatThrownBy(() -> parse("id,name\n1,Someone\n"))
                .isInstanceOf(MalformedListException.class)
                .hasMessageContaining("alt_names");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(MalformedListException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void the_project_fixture_list_parses_completely() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/screening/fixture-list.csv")) {
            ParsedList list = parser.parse(in);
            assertThat(list.rejected()).isEmpty();
            assertThat(list.entries()).hasSize(20);
        }
    }

    @Test
    void the_real_april_2022_list_accounts_for_all_14160_rows() throws Exception {
        Optional<Path> real = ScreeningData.realList();
        Assumptions.assumeTrue(real.isPresent(), ScreeningData.ABSENT);

        ParsedList list = ScreeningData.parseReal(real.get());

        System.out.printf("real list: %d entries accepted, %d rows rejected %s%n", list.entries().size(),
                list.rejected().size(), list.rejected().stream().limit(5).toList());
        // the April-2022 file repeats one Capta List row under the same _id: reported, not imported twice
        assertThat(list.entries().size() + list.rejected().size()).isEqualTo(14_160);
        assertThat(list.rejected()).allSatisfy(r -> assertThat(r.reason()).contains("appears earlier"));
        assertThat(list.entries().size()).isGreaterThanOrEqualTo(14_150);
        assertThat(list.entries()).anySatisfy(e -> assertThat(e.name()).containsIgnoringCase("Hikvision"));
        assertThat(list.checksum()).hasSize(64);
        List<String> sources = list.entries().stream().map(ListEntry::source).distinct().toList();
        assertThat(sources).anySatisfy(s -> assertThat(s).startsWith("Entity List"));
    }
}
