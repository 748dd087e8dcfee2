package io.warden.command.screening;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real April-2022 Consolidated Screening List beside the project ({@code ../shared/data/screening/}), by
 * {@code WARDEN_SCREENING_DATA} (a directory or the file) or by walking up from the working directory. It is never
 * part of the repository; tests that need it skip where it is absent.
 */
public final class ScreeningData {

    public static final String FILE = "consolidated_screening_list_2022-04.csv.gz";
    public static final String ABSENT = "the real Consolidated Screening List is not here (set WARDEN_SCREENING_DATA "
            + "or put shared/data/screening/" + FILE + " beside the project); skipped";

    private ScreeningData() {
    }

    public static Optional<Path> realList() {
        String configured = System.getenv("WARDEN_SCREENING_DATA");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            Path file = Files.isDirectory(p) ? p.resolve(FILE) : p;
            return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("screening").resolve(FILE);
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    public static ParsedList parseReal(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new CslParser().parse(in);
        }
    }
}
