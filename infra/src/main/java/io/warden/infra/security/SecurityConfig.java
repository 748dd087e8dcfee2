package io.warden.infra.security;

import io.warden.api.types.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Deny by default: every path of the API names the roles that may call it, and anything not named here is refused.
 * Roles follow the contract: ENFORCER writes, DETECTOR registers and reports, APPROVER decides four-eyes proposals,
 * AUDITOR reads, ADMIN operates.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    private static final String API = "/api/v1";
    private static final String ENFORCER = Role.ENFORCER.name();
    private static final String APPROVER = Role.APPROVER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String DETECTOR = Role.DETECTOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ObjectMapper mapper) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemWritingHandlers.unauthorized(mapper, properties.mode() == SecurityProperties.Mode.BASIC))
                        .accessDeniedHandler(ProblemWritingHandlers.forbidden(mapper)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasRole(ADMIN)

                        .requestMatchers(HttpMethod.POST, API + "/accounts").hasAnyRole(ENFORCER, DETECTOR)
                        .requestMatchers(HttpMethod.POST, API + "/accounts/*/violations").hasAnyRole(ENFORCER, DETECTOR)
                        .requestMatchers(HttpMethod.POST, API + "/violations:batch").hasAnyRole(ENFORCER, DETECTOR)
                        .requestMatchers(HttpMethod.POST, API + "/accounts/**").hasRole(ENFORCER)
                        .requestMatchers(HttpMethod.POST, API + "/appeals/*/decision").hasRole(ENFORCER)
                        .requestMatchers(API + "/approvals", API + "/approvals/**").hasRole(APPROVER)
                        .requestMatchers(HttpMethod.POST, API + "/cases", API + "/cases/**").hasRole(ENFORCER)
                        .requestMatchers(HttpMethod.POST, API + "/organizations").hasRole(ENFORCER)
                        .requestMatchers(HttpMethod.PUT, API + "/organizations/*/owners/*").hasRole(ENFORCER)
                        .requestMatchers(HttpMethod.GET, API + "/organizations/**").hasAnyRole(ENFORCER, APPROVER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, API + "/screening/check").hasAnyRole(ENFORCER, AUDITOR, ADMIN)

                        .requestMatchers(HttpMethod.GET, API + "/accounts/*/audit", API + "/cases/*/audit", API + "/audit", API + "/audit/**",
                                API + "/reports/**", API + "/dashboard").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, API + "/feed/**").hasAnyRole(ENFORCER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, API + "/accounts", API + "/accounts/**", API + "/cases", API + "/cases/**",
                                API + "/violations", API + "/violations/**").hasAnyRole(ENFORCER, APPROVER, AUDITOR, ADMIN)
                        .requestMatchers(API + "/admin/**").hasRole(ADMIN)
                        .anyRequest().denyAll());

        if (properties.mode() == SecurityProperties.Mode.JWT) {
            log.info("Authentication: OAuth2 resource server (JWT), roles from claim '{}'", properties.jwt().rolesClaim());
            http.httpBasic(AbstractHttpConfigurer::disable)
                    .oauth2ResourceServer(o -> o
                            .authenticationEntryPoint(ProblemWritingHandlers.unauthorized(mapper, false))
                            .accessDeniedHandler(ProblemWritingHandlers.forbidden(mapper))
                            .jwt(j -> j.jwtAuthenticationConverter(jwtConverter(properties.jwt()))));
        } else {
            http.httpBasic(b -> b.authenticationEntryPoint(ProblemWritingHandlers.unauthorized(mapper, true)))
                    .authenticationManager(basicAuthenticationManager(properties));
        }
        return http.build();
    }

    private static ProviderManager basicAuthenticationManager(SecurityProperties properties) {
        PasswordEncoder encoder = new BCryptPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            users.add(User.withUsername(user.name()).password(user.passwordHash())
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        if (properties.demoUsers()) {
            log.warn("Authentication: HTTP Basic with the DEMO users alice, bob, carol, dave and erin (password: name + '-pw'). "
                    + "They are for local use only: set warden.security.demo-users=false and configure users or JWT in any shared environment.");
            users.add(demo(encoder, "alice", ENFORCER));
            users.add(demo(encoder, "bob", ENFORCER, APPROVER));
            users.add(demo(encoder, "carol", AUDITOR));
            users.add(demo(encoder, "dave", DETECTOR));
            users.add(demo(encoder, "erin", ADMIN));
        } else {
            log.info("Authentication: HTTP Basic with {} configured user(s)", users.size());
        }
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(
                new CachingBasicAuthenticationProvider(dao, properties.credentialCacheTtl(), Clock.systemUTC()));
        manager.setEraseCredentialsAfterAuthentication(false);
        return manager;
    }

    private static UserDetails demo(PasswordEncoder encoder, String name, String... roles) {
        return User.withUsername(name).password(encoder.encode(name + "-pw")).roles(roles).build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(SecurityProperties.Jwt settings) {
        return jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            Object claim = jwt.getClaims().get(settings.rolesClaim());
            if (claim instanceof Collection<?> roles) {
                roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            } else if (claim instanceof String roles) {
                for (String r : roles.split("[ ,]+")) {
                    if (!r.isBlank()) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + r));
                    }
                }
            }
            String principal = jwt.getClaimAsString(settings.principalClaim());
            return new JwtAuthenticationToken(jwt, authorities, principal == null ? jwt.getSubject() : principal);
        };
    }
}
