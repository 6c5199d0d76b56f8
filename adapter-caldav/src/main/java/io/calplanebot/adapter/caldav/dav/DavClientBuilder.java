package io.calplanebot.adapter.caldav.dav;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Configures a {@link DavClient}. */
public final class DavClientBuilder {
    final URI origin;
    String username = "";
    String password = "";
    boolean digest;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(30);
    int maxAttempts = 3;
    Duration initialBackoff = Duration.ofMillis(500);
    Duration openCircuitFor = Duration.ofSeconds(30);
    RetryRegistry retries = RetryRegistry.ofDefaults();
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    DavClientBuilder(URI origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public DavClientBuilder basic(String user, String secret) {
        return credentials(user, secret, false);
    }

    public DavClientBuilder digest(String user, String secret) {
        return credentials(user, secret, true);
    }

    private DavClientBuilder credentials(String user, String secret, boolean useDigest) {
        this.username = Objects.requireNonNull(user, "username");
        this.password = Objects.requireNonNull(secret, "password");
        this.digest = useDigest;
        return this;
    }

    public DavClientBuilder timeouts(Duration connect, Duration read) {
        this.connectTimeout = Objects.requireNonNull(connect, "connect timeout");
        this.readTimeout = Objects.requireNonNull(read, "read timeout");
        return this;
    }

    /** Attempts per request (1 = no retry) and the first pause, doubled after each failure. */
    public DavClientBuilder retry(int attempts, Duration firstBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.maxAttempts = attempts;
        this.initialBackoff = Objects.requireNonNull(firstBackoff, "backoff");
        return this;
    }

    /** How long the circuit stays open after repeated failures before requests are tried again. */
    public DavClientBuilder openCircuitFor(Duration duration) {
        this.openCircuitFor = Objects.requireNonNull(duration, "open duration");
        return this;
    }

    /**
     * Where the retry and the circuit breaker (both named {@code caldav}) are registered, so that an application
     * can publish their metrics; a registry that already holds {@code caldav} entries keeps them.
     */
    public DavClientBuilder resilienceRegistries(RetryRegistry retryRegistry, CircuitBreakerRegistry breakerRegistry) {
        this.retries = Objects.requireNonNull(retryRegistry, "retry registry");
        this.breakers = Objects.requireNonNull(breakerRegistry, "circuit breaker registry");
        return this;
    }

    public DavClient build() {
        return new DavClient(this);
    }
}
