package io.warden.infra.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BCrypt stays the storage format, but verifying it costs tens of milliseconds of CPU, and HTTP Basic sends the
 * credentials with every request. This provider remembers a successful verification for a short time, keyed by a
 * SHA-256 digest of user name and password (the password itself is never kept), so that throughput is bounded by
 * the event store rather than by the password hasher. Failed attempts are never cached; a changed password misses
 * the cache because the digest changes.
 */
final class CachingBasicAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();
    private final Map<String, Object> verifying = new ConcurrentHashMap<>();

    CachingBasicAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (ttl.isZero() || authentication.getCredentials() == null) {
            return delegate.authenticate(authentication);
        }
        String key = digest(authentication.getName(), authentication.getCredentials().toString());
        Instant now = clock.instant();
        Cached cached = verified.get(key);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.authentication();
        }
        // one verification per key at a time: clients arriving together with the same credentials (at start-up, or
        // when the entry expires under load) wait for the first one's answer instead of each running BCrypt
        Object lock = verifying.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                Cached fresh = verified.get(key);
                if (fresh != null && clock.instant().isBefore(fresh.expiresAt())) {
                    return fresh.authentication();
                }
                Authentication result = delegate.authenticate(authentication);
                if (result != null && result.isAuthenticated()) {
                    if (verified.size() >= MAX_ENTRIES) {
                        verified.clear();
                    }
                    verified.put(key, new Cached(withoutCredentials(result), clock.instant().plus(ttl)));
                }
                return result;
            }
        } finally {
            verifying.remove(key, lock);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static Authentication withoutCredentials(Authentication authentication) {
        return UsernamePasswordAuthenticationToken.authenticated(
                authentication.getPrincipal(), null, authentication.getAuthorities());
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private record Cached(Authentication authentication, Instant expiresAt) {
    }
}
