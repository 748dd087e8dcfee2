package io.warden.infra.axon;

import io.warden.command.account.FourEyesPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The domain services that command handlers take as parameters (Axon resolves them from these beans). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSideConfiguration.ApprovalProperties.class)
public class CommandSideConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FourEyesPolicy fourEyesPolicy(ApprovalProperties approvals) {
        return new FourEyesPolicy(approvals.expireAfter());
    }

    /** @param expireAfter how long a proposed ban or suspension waits for a second person before it expires */
    @ConfigurationProperties("warden.approvals")
    public record ApprovalProperties(@DefaultValue("72h") Duration expireAfter) {
    }
}
