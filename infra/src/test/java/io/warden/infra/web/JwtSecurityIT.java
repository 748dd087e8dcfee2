package io.warden.infra.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Production mode: an OAuth2 resource server that trusts JWTs signed by the configured key. */
class JwtSecurityIT extends ApiTestSupport {

    private static final KeyPair KEYS = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("warden-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("warden.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void a_valid_token_authenticates_and_its_subject_becomes_the_actor() {
        String id = newId("acct");

        ApiClient.Response response = bearer(token(KEYS, "svc-policy-bot", List.of("ENFORCER"), 300)).post("/api/v1/accounts", account(id, "FREE"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(lastMetaData(id)).contains("\"actor\":\"svc-policy-bot\"").contains("\"actorRoles\":\"ENFORCER\"");
    }

    @Test
    void roles_come_from_the_token_claim() {
        String id = newId("acct");
        bearer(token(KEYS, "svc-policy-bot", List.of("ENFORCER"), 300)).post("/api/v1/accounts", account(id, "FREE"));

        ApiClient.Response detectorFlags = bearer(token(KEYS, "detector-7", List.of("DETECTOR"), 300))
                .post("/api/v1/accounts/" + id + "/flag", java.util.Map.of("reason", "x"));

        assertProblem(detectorFlags, 403);
    }

    @Test
    void missing_expired_foreign_tokens_and_basic_credentials_are_401() {
        ApiClient.Response none = anonymous.post("/api/v1/accounts", account(newId("acct"), "FREE"));
        ApiClient.Response expired = bearer(token(KEYS, "svc", List.of("ENFORCER"), -600)).post("/api/v1/accounts", account(newId("acct"), "FREE"));
        ApiClient.Response foreign = bearer(token(STRANGER, "svc", List.of("ENFORCER"), 300)).post("/api/v1/accounts", account(newId("acct"), "FREE"));
        ApiClient.Response basic = alice.post("/api/v1/accounts", account(newId("acct"), "FREE"));

        assertProblem(none, 401);
        assertProblem(expired, 401);
        assertProblem(foreign, 401);
        assertProblem(basic, 401);
    }

    private ApiClient bearer(String token) {
        return anonymous.header("Authorization", "Bearer " + token);
    }

    private static String token(KeyPair keys, String subject, List<String> roles, long validForSeconds) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer("https://idp.example")
                    .issueTime(Date.from(now.minusSeconds(Math.max(0, -validForSeconds) + 60)))
                    .expirationTime(Date.from(now.plusSeconds(validForSeconds)))
                    .claim("roles", roles)
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
