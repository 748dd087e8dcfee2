package io.warden.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingBasicAuthenticationProviderTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    /** Verifies "secret" as the only password, counting how often it is asked. */
    private static final class CountingDelegate implements AuthenticationProvider {
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public Authentication authenticate(Authentication authentication) {
            calls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!"secret".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), authentication.getCredentials(),
                    AuthorityUtils.createAuthorityList("ROLE_ENFORCER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("alice", password);
    }

    @Test
    void a_successful_verification_is_remembered_without_the_password() {
        CountingDelegate delegate = new CountingDelegate();
        CachingBasicAuthenticationProvider provider = new CachingBasicAuthenticationProvider(delegate, Duration.ofSeconds(60), clock);

        Authentication first = provider.authenticate(login("secret"));
        Authentication second = provider.authenticate(login("secret"));

        assertThat(delegate.calls).hasValue(1);
        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.getCredentials()).isNull();
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ENFORCER");
    }

    @Test
    void a_wrong_password_is_checked_every_time_and_never_cached() {
        CountingDelegate delegate = new CountingDelegate();
        CachingBasicAuthenticationProvider provider = new CachingBasicAuthenticationProvider(delegate, Duration.ofSeconds(60), clock);
        provider.authenticate(login("secret"));

        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);

        assertThat(delegate.calls).hasValue(3);
    }

    @Test
    void clients_arriving_together_share_one_verification() throws Exception {
        CountingDelegate delegate = new CountingDelegate();
        delegate.release = new CountDownLatch(1);
        CachingBasicAuthenticationProvider provider = new CachingBasicAuthenticationProvider(delegate, Duration.ofSeconds(60), clock);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> provider.authenticate(login("secret"))));
            }
            // every client is either verifying or waiting for the one that is
            Thread.sleep(200);
            delegate.release.countDown();
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(delegate.calls).hasValue(1);
    }
}
