package io.warden.infra.exportcontrol;

import io.warden.api.types.WardenMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Value;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command-line form of the import: {@code java -jar warden.jar --warden.screening.import=list.csv.gz} imports
 * the file and exits, without serving HTTP ({@code WardenApplication} starts no web server in that case). The
 * actor is {@code cli:<operating-system user>}.
 */
@Component
@ConditionalOnProperty(ScreeningListImportRunner.PROPERTY)
public class ScreeningListImportRunner implements ApplicationRunner {

    public static final String PROPERTY = "warden.screening.import";

    private static final Logger log = LoggerFactory.getLogger(ScreeningListImportRunner.class);

    private final ScreeningListImporter importer;
    private final String path;

    public ScreeningListImportRunner(ScreeningListImporter importer, @Value("${" + ScreeningListImportRunner.PROPERTY + "}") String path) {
        this.importer = importer;
        this.path = path;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path file = Path.of(path);
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        try (InputStream in = Files.newInputStream(file)) {
            ScreeningListImporter.Imported imported = importer.importList(in, file.getFileName().toString(),
                    Map.of(WardenMetaData.ACTOR, actor, WardenMetaData.ACTOR_ROLES, "ADMIN"));
            log.info("Imported {} as list version {}: {} entries, {} rows rejected, SHA-256 {}", file,
                    imported.importId(), imported.rows(), imported.rejected().size(), imported.checksum());
            imported.rejected().forEach(r -> log.warn("  rejected line {}: {}", r.line(), r.reason()));
        }
    }
}
