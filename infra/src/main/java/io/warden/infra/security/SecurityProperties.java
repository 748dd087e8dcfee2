package io.warden.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How Warden authenticates. {@code mode=basic} checks HTTP Basic credentials against configured users (BCrypt
 * hashes) and, unless {@code demo-users} is off, the local demo users of the API contract. {@code mode=jwt} is an
 * OAuth2 resource server: the JWT is checked against {@code spring.security.oauth2.resourceserver.jwt.*} and the
 * roles come from the claim named in {@code jwt.roles-claim}.
 */
@ConfigurationProperties("warden.security")
public record SecurityProperties(
        Mode mode,
        Boolean demoUsers,
        List<User> users,
        Duration credentialCacheTtl,
        Jwt jwt) {

    public enum Mode { BASIC, JWT }

    /** A configured user; {@code passwordHash} is a BCrypt hash ({@code $2a$...}), never a plain password. */
    public record User(String name, String passwordHash, List<String> roles) {
    }

    public record Jwt(String rolesClaim, String principalClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
        }
    }

    public SecurityProperties {
        mode = mode == null ? Mode.BASIC : mode;
        demoUsers = demoUsers == null ? Boolean.TRUE : demoUsers;
        users = users == null ? List.of() : List.copyOf(users);
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofSeconds(60) : credentialCacheTtl;
        jwt = jwt == null ? new Jwt(null, null) : jwt;
    }
}
