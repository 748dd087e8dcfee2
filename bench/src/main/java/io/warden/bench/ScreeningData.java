package io.warden.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The restricted-party list the run imports: the real April-2022 CSL when {@code WARDEN_SCREENING_DATA} names it or
 * {@code shared/data/screening/} is found walking up from the working directory (read at run time, never copied
 * into the repository), else a deterministic synthetic list in the same CSV layout.
 */
final class ScreeningData {

    static final String FILE = "consolidated_screening_list_2022-04.csv.gz";
    static final String HEADER = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,"
            + "end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
            + "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,"
            + "nationalities,places_of_birth,source_information_url,ids";

    final byte[] bytes;
    final String source;

    private ScreeningData(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    static ScreeningData find(long seed) throws IOException {
        String env = System.getenv("WARDEN_SCREENING_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            Path f = Files.isDirectory(p) ? p.resolve(FILE) : p;
            if (Files.isRegularFile(f)) {
                return new ScreeningData(Files.readAllBytes(f), "real: " + f.toAbsolutePath());
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("shared").resolve("data").resolve("screening").resolve(FILE);
            if (Files.isRegularFile(f)) {
                return new ScreeningData(Files.readAllBytes(f), "real: " + f);
            }
        }
        return new ScreeningData(synthetic(seed, 5_000), "synthetic: 5,000 generated entries (no real list found)");
    }

    static byte[] synthetic(long seed, int rows) throws IOException {
        String[] a = {"Zhen", "Volga", "Baikal", "Tarim", "Amur", "Kunlun", "Ural", "Neva", "Qilian", "Altai", "Sayan", "Taimyr"};
        String[] b = {"Precision", "Aerospace", "Microelectronics", "Optics", "Materials", "Machinery", "Photonics", "Systems"};
        String[] c = {"Co., Ltd.", "JSC", "LLC", "Research Institute", "Industrial Group", "Trading Company"};
        String[] countries = {"CN", "RU", "IR", "BY", "KP", "SY", "HK"};
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            String name = a[rnd.nextInt(a.length)] + " " + b[rnd.nextInt(b.length)] + " " + (100 + i) + " " + c[rnd.nextInt(c.length)];
            String country = countries[rnd.nextInt(countries.length)];
            sb.append("syn").append(i).append(",Entity List (EL) - Bureau of Industry and Security,,Entity,,\"")
                    .append(name).append("\",,\"Building ").append(i).append(", Industrial Park, ").append(country)
                    .append("\",,2021-01-01,,,,,,,,,,,,,\"").append(name.toUpperCase()).append("\",,,,,,\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
