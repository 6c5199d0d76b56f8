package io.calplanebot.adapter.caldav.dav;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.calplanebot.support.http.HttpClientSetup;
import io.calplanebot.support.http.RequestLog;
import io.calplanebot.support.http.ResilienceSetup;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The HTTP binding of the CalDAV adapter, on Apache HttpClient 5.
 * <ul>
 *   <li>Basic credentials are sent preemptively (Cyrus answers an anonymous PROPFIND with 207, not 401);
 *       Digest answers the server's challenge, re-sending the (repeatable) body.</li>
 *   <li>Credentials only go to trusted origins: the configured one and those discovery was redirected to on
 *       the same host.</li>
 *   <li>No automatic redirects, retries or compression: redirects are followed by discovery only, and
 *       retries are resilience4j's: I/O errors and 5xx are retried with exponential backoff behind a circuit
 *       breaker, then surface as {@link DavUnreachableException}.</li>
 * </ul>
 * Every request runs to completion inside the call, so no response is ever left open.
 */
public final class DavClient implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DavClient.class);

    private final CloseableHttpClient http;
    private final String basicHeader;
    private final Set<String> trustedOrigins = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<HttpClientContext> contexts = ThreadLocal.withInitial(HttpClientContext::create);
    private final Retry retry;
    private final CircuitBreaker breaker;

    private DavClient(Builder builder) {
        trustedOrigins.add(Hrefs.origin(builder.origin));
        UsernamePasswordCredentials credentials =
                new UsernamePasswordCredentials(builder.username, builder.password.toCharArray());
        this.basicHeader = builder.digest ? null : "Basic " + Base64.getEncoder()
                .encodeToString((builder.username + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
        CredentialsProvider digestCredentials = (AuthScope scope, org.apache.hc.core5.http.protocol.HttpContext c) ->
                builder.digest && isTrusted(scope.getProtocol(), scope.getHost(), scope.getPort())
                        ? credentials : null;
        this.http = HttpClientSetup.forAgent("CalPlaneBot-CalDAV")
                .timeouts(builder.connectTimeout, builder.readTimeout)
                .pool(4, 8)
                .withoutCompression()
                .credentials(digestCredentials, builder.digest ? StandardAuthScheme.DIGEST : StandardAuthScheme.BASIC)
                .build();
        this.retry = ResilienceSetup.retry(builder.retries, "caldav", builder.maxAttempts, builder.initialBackoff,
                DavClient::isTransient);
        this.breaker = ResilienceSetup.circuitBreaker(builder.breakers, "caldav", builder.openCircuitFor,
                DavClient::isTransient);
    }

    public static Builder builder(URI origin) {
        return new Builder(origin);
    }

    /**
     * Sends a request and reads the whole answer. 4xx answers are returned for the caller to interpret.
     *
     * @throws DavUnreachableException on I/O errors, timeouts and 5xx answers that persisted through the
     *                                 retries, and while the circuit breaker is open
     */
    public DavResponse execute(DavRequest request) {
        Supplier<DavResponse> attempt = CircuitBreaker.decorateSupplier(breaker, () -> sendOnce(request));
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (ServerError e) {
            throw new DavUnreachableException(request.url(), "answered " + e.response.statusLine() + " to "
                    + request.method() + " " + request.url() + " after " + retry.getRetryConfig().getMaxAttempts()
                    + " attempts", null);
        } catch (UncheckedIOException e) {
            throw new DavUnreachableException(request.url(), "cannot be reached (" + RequestLog.describe(e.getCause()) + ") for "
                    + request.method() + " " + request.url(), e.getCause());
        } catch (CallNotPermittedException e) {
            throw new DavUnreachableException(request.url(), "failed repeatedly, so requests are paused for a while"
                    + " (circuit breaker open); " + request.method() + " " + request.url() + " was not sent", e);
        }
    }

    /** Lets credentials go to another origin on the same host (a discovery redirect), never from https to http. */
    public void trustRedirect(URI from, URI to) {
        URI fromCanonical = Hrefs.canonical(from);
        URI toCanonical = Hrefs.canonical(to);
        boolean sameHost = fromCanonical.getHost() != null && fromCanonical.getHost().equals(toCanonical.getHost());
        boolean downgrade = "https".equals(fromCanonical.getScheme()) && "http".equals(toCanonical.getScheme());
        if (isTrusted(from) && sameHost && !downgrade) {
            trustedOrigins.add(Hrefs.origin(to));
        }
    }

    public boolean isTrusted(URI url) {
        return trustedOrigins.contains(Hrefs.origin(url));
    }

    private boolean isTrusted(String protocol, String host, int port) {
        if (host == null) {
            return false;
        }
        for (String origin : trustedOrigins) {
            URI uri = URI.create(origin);
            int originPort = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            boolean schemeMatches = protocol == null || protocol.equalsIgnoreCase(uri.getScheme());
            if (schemeMatches && host.equalsIgnoreCase(uri.getHost()) && (port < 0 || port == originPort)) {
                return true;
            }
        }
        return false;
    }

    private DavResponse sendOnce(DavRequest request) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(request.url());
        request.headers().forEach(builder::addHeader);
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        ClassicHttpRequest httpRequest = builder.build();
        if (basicHeader != null && isTrusted(request.url())) {
            httpRequest.setHeader("Authorization", basicHeader);
        }
        long started = System.nanoTime();
        try {
            DavResponse response = http.execute(httpRequest, contexts.get(), r -> read(request, r));
            RequestLog.answered(LOG, request.method(), RequestLog.target(request.url()), response.status(), started);
            if (isServerError(response.status())) {
                throw new ServerError(response);
            }
            return response;
        } catch (IOException e) {
            RequestLog.failed(LOG, request.method(), RequestLog.target(request.url()), e);
            throw new UncheckedIOException(e);
        }
    }

    private static DavResponse read(DavRequest request, ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new DavResponse(request.method(), request.url(), response.getCode(), response.getReasonPhrase(),
                headers, body);
    }

    private static boolean isServerError(int status) {
        return status >= 500 && status != 501 && status != 505;
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof UncheckedIOException || error instanceof ServerError;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client failed: {}", RequestLog.describe(e));
        }
    }

    /** A 5xx answer, thrown inside the retry so that it is retried and counted by the circuit breaker. */
    private static final class ServerError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DavResponse response;

        ServerError(DavResponse response) {
            super(response.statusLine(), null, false, false);
            this.response = response;
        }
    }

    /** Configures a {@link DavClient}. */
    public static final class Builder {
        private final URI origin;
        private String username = "";
        private String password = "";
        private boolean digest;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration openCircuitFor = Duration.ofSeconds(30);
        private RetryRegistry retries = RetryRegistry.ofDefaults();
        private CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

        private Builder(URI origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
        }

        public Builder basic(String user, String secret) {
            return credentials(user, secret, false);
        }

        public Builder digest(String user, String secret) {
            return credentials(user, secret, true);
        }

        private Builder credentials(String user, String secret, boolean useDigest) {
            this.username = Objects.requireNonNull(user, "username");
            this.password = Objects.requireNonNull(secret, "password");
            this.digest = useDigest;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect timeout");
            this.readTimeout = Objects.requireNonNull(read, "read timeout");
            return this;
        }

        /** Attempts per request (1 = no retry) and the first pause, doubled after each failure. */
        public Builder retry(int attempts, Duration firstBackoff) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            this.initialBackoff = Objects.requireNonNull(firstBackoff, "backoff");
            return this;
        }

        /** How long the circuit stays open after repeated failures before requests are tried again. */
        public Builder openCircuitFor(Duration duration) {
            this.openCircuitFor = Objects.requireNonNull(duration, "open duration");
            return this;
        }

        /**
         * Where the retry and the circuit breaker (both named {@code caldav}) are registered, so that an application
         * can publish their metrics; a registry that already holds {@code caldav} entries keeps them.
         */
        public Builder resilienceRegistries(RetryRegistry retryRegistry, CircuitBreakerRegistry breakerRegistry) {
            this.retries = Objects.requireNonNull(retryRegistry, "retry registry");
            this.breakers = Objects.requireNonNull(breakerRegistry, "circuit breaker registry");
            return this;
        }

        public DavClient build() {
            return new DavClient(this);
        }
    }
}
