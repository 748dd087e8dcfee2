package io.warden.infra;

import io.warden.infra.exportcontrol.ScreeningListImportRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/** Warden: the compliance and enforcement ledger. One process serves commands, projections and queries. */
@SpringBootApplication(scanBasePackages = "io.warden")
public class WardenApplication {

    public static void main(String[] args) {
        if (importsAList(args)) {
            // the command-line import: start without a web server, import, exit with the runner's outcome
            SpringApplication application = new SpringApplication(WardenApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        SpringApplication.run(WardenApplication.class, args);
    }

    static boolean importsAList(String[] args) {
        String option = "--" + ScreeningListImportRunner.PROPERTY + "=";
        return Arrays.stream(args).anyMatch(a -> a.startsWith(option))
                || System.getProperty(ScreeningListImportRunner.PROPERTY) != null;
    }
}
