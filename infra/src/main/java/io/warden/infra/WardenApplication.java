package io.warden.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Warden: the compliance and enforcement ledger. One process serves commands, projections and queries. */
@SpringBootApplication(scanBasePackages = "io.warden")
public class WardenApplication {

    public static void main(String[] args) {
        SpringApplication.run(WardenApplication.class, args);
    }
}
