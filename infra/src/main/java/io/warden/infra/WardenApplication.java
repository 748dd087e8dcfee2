package io.warden.infra;

import io.warden.infra.exportcontrol.ScreeningListImportRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;
import java.util.stream.Stream;

/** Warden: the compliance and enforcement ledger. One process serves commands, projections and queries. */
@SpringBootApplication(scanBasePackages = "io.warden")
public class WardenApplication {

    public static void main(String[] args) {
        if (importsAList(args)) {
            // the command-line import: port -1 keeps the web context (security is configured for one) but opens no
            // port, so nothing is served; import, then exit with the runner's outcome
            String[] noHttp = Stream.concat(Arrays.stream(args).filter(a -> !a.startsWith("--server.port=")),
                    Stream.of("--server.port=-1")).toArray(String[]::new);
            System.exit(SpringApplication.exit(SpringApplication.run(WardenApplication.class, noHttp)));
        }
        SpringApplication.run(WardenApplication.class, args);
    }

    static boolean importsAList(String[] args) {
        String option = "--" + ScreeningListImportRunner.PROPERTY + "=";
        return Arrays.stream(args).anyMatch(a -> a.startsWith(option))
                || System.getProperty(ScreeningListImportRunner.PROPERTY) != null;
    }
}
