package io.calplanebot.adapter.caldav.dav;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.adapter.caldav.dav.error.DavRetryableException;
import io.calplanebot.adapter.caldav.dav.error.DavServerErrorException;
import io.calplanebot.adapter.caldav.dav.error.DavTooManyRequestsException;
import io.calplanebot.adapter.caldav.dav.error.DavUnreachableException;
import io.calplanebot.adapter.caldav.dav.error.DavUnreadableException;
import io.calplanebot.support.http.HttpClientSetup;
import io.calplanebot.support.http.ProbeContext;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HTTP binding of the CalDAV adapter, on Apache HttpClient 5, with one method per DAV verb. Each verb says
 * which answers it accepts; every other answer is thrown as a {@link DavHttpException}, built in one place
 * ({@link DavHttpException#from}) with the subclass for its status.
 * <ul>
 *   <li>{@link #get} treats 404/410 as "not there"; {@link #report} and {@link #propfind} require a 207;
 *       {@link #put}, {@link #mkcalendar} and {@link #proppatch} also fail on a failing status inside a
 *       multistatus body; {@link #delete} treats any 207 as a failure (some part was not deleted).</li>
 *   <li>Basic credentials are sent preemptively (Cyrus answers an anonymous PROPFIND with 207, not 401);
 *       Digest answers the server's challenge, re-sending the (repeatable) body.</li>
 *   <li>Credentials only go to trusted origins: the configured one and those discovery was redirected to on
 *       the same host.</li>
 *   <li>No automatic redirects, retries or compression: {@link #propfindFollowingRedirects} follows at most 5
 *       redirects itself, and retries are resilience4j's: I/O errors, 429 and 5xx are retried with exponential
 *       backoff, or after the {@code Retry-After} the server sent (at most {@link #MAX_RETRY_AFTER}), behind a
 *       circuit breaker, then surface as {@link DavUnreachableException}.</li>
 * </ul>
 * Every request runs to completion inside the call, so no response is ever left open.
 */
public final class DavClient implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DavClient.class);
    private static final int MAX_REDIRECTS = 5;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** The longest wait a {@code Retry-After} gets; a server asking for more is asked again after this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CloseableHttpClient http;
    private final String basicHeader;
    private final TrustedOrigins trusted;
    private final ThreadLocal<HttpClientContext> contexts = ThreadLocal.withInitial(HttpClientContext::create);
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final String authScheme;

    DavClient(DavClientBuilder builder) {
        this.trusted = new TrustedOrigins(builder.origin);
        UsernamePasswordCredentials credentials =
                new UsernamePasswordCredentials(builder.username, builder.password.toCharArray());
        this.basicHeader = builder.digest ? null : "Basic " + Base64.getEncoder()
                .encodeToString((builder.username + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
        CredentialsProvider digestCredentials = (AuthScope scope, org.apache.hc.core5.http.protocol.HttpContext c) ->
                builder.digest && trusted.contains(scope.getProtocol(), scope.getHost(), scope.getPort())
                        ? credentials : null;
        this.authScheme = builder.digest ? StandardAuthScheme.DIGEST : StandardAuthScheme.BASIC;
        this.http = HttpClientSetup.forAgent("CalPlaneBot-CalDAV")
                .timeouts(builder.connectTimeout, builder.readTimeout)
                .pool(4, 8)
                .withoutCompression()
                .credentials(digestCredentials, authScheme)
                .build();
        Duration firstBackoff = builder.initialBackoff;
        int maxAttempts = builder.maxAttempts;
        this.retry = ResilienceSetup.<DavResponse>retry(builder.retries, "caldav", maxAttempts,
                (attempt, outcome) -> waitBeforeRetry(attempt, outcome, firstBackoff, maxAttempts),
                DavClient::isTransient);
        this.breaker = ResilienceSetup.circuitBreaker(builder.breakers, "caldav", builder.openCircuitFor,
                DavClient::isTransient);
    }

    public static DavClientBuilder builder(URI origin) {
        return new DavClientBuilder(origin);
    }

    /** GET; empty when the resource is not there (404, 410). */
    public Optional<DavResponse> get(URI href) {
        DavResponse response = execute(DavRequest.get(href));
        if (response.status() == 404 || response.status() == 410) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw DavHttpException.from(response);
        }
        return Optional.of(response);
    }

    /** PUT of calendar data under a precondition; the answer carries the new ETag when the server sent one. */
    public DavResponse put(URI href, String ics, Precondition precondition) {
        return write(DavRequest.put(href, ics, precondition));
    }

    /** DELETE under a precondition. A 207 is a failure: some part of the resource was not deleted. */
    public void delete(URI href, Precondition precondition) {
        DavResponse response = write(DavRequest.delete(href, precondition));
        if (response.isMultiStatus()) {
            throw DavHttpException.from(response);
        }
    }

    /** REPORT; anything but a 207 is a failure. */
    public MultiStatus report(URI url, int depth, String xml) {
        return multiStatus(execute(DavRequest.report(url, depth, xml)));
    }

    /**
     * REPORT sent once, past the retry and the circuit breaker: for a request that has a cheaper way around it when
     * it fails (a sync-collection whose token the server no longer takes: Xandikos answers 500). Anything but a 207
     * is a failure.
     *
     * @throws DavServerErrorException     on a 5xx answer
     * @throws DavTooManyRequestsException on a 429 answer
     * @throws UncheckedIOException        on an I/O error or timeout
     */
    public MultiStatus reportOnce(URI url, int depth, String xml) {
        return multiStatus(sendOnce(DavRequest.report(url, depth, xml)));
    }

    /** PROPFIND; anything but a 207 is a failure. */
    public MultiStatus propfind(URI url, int depth, String xml) {
        return multiStatus(execute(DavRequest.propfind(url, depth, xml)));
    }

    /**
     * PROPFIND Depth 0 that follows up to 5 redirects by hand, with the same method and body; credentials go along
     * only to the same host and never from https to http. Anything but a 207 at the end is a failure.
     */
    public DavAnswer propfindFollowingRedirects(URI start, String xml) {
        URI url = start;
        for (int redirects = 0; ; redirects++) {
            DavResponse response = execute(DavRequest.propfind(url, 0, xml));
            Optional<String> location = response.header("Location");
            if (!REDIRECTS.contains(response.status()) || location.isEmpty() || redirects == MAX_REDIRECTS) {
                return new DavAnswer(url, multiStatus(response));
            }
            URI target = Hrefs.resolve(url, location.get());
            trusted.redirected(url, target);
            url = target;
        }
    }

    /** MKCALENDAR; a failing status inside a multistatus answer is a failure too. */
    public void mkcalendar(URI url, String xml) {
        write(DavRequest.mkcalendar(url, xml));
    }

    /** PROPPATCH; a failing status inside the 207 (a property the server refused) is a failure. */
    public void proppatch(URI url, String xml) {
        write(DavRequest.proppatch(url, xml));
    }

    /**
     * Sends any request and reads the whole answer, whatever its status, for tools and tests that act like another
     * client. The store uses the verbs above.
     *
     * @throws DavUnreachableException on I/O errors, timeouts and 5xx answers that persisted through the
     *                                 retries, and while the circuit breaker is open
     */
    public DavResponse execute(DavRequest request) {
        Supplier<DavResponse> attempt = CircuitBreaker.decorateSupplier(breaker, () -> sendOnce(request));
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (DavRetryableException e) {
            throw new DavUnreachableException(request.method(), request.url(), "answered " + e.statusLine() + " to "
                    + request.method() + " " + request.url() + " after " + retry.getRetryConfig().getMaxAttempts()
                    + " attempts", e);
        } catch (UncheckedIOException e) {
            throw new DavUnreachableException(request.method(), request.url(), "cannot be reached ("
                    + RequestLog.describe(e.getCause()) + ") for " + request.method() + " " + request.url(),
                    e.getCause());
        } catch (CallNotPermittedException e) {
            throw new DavUnreachableException(request.method(), request.url(), "failed repeatedly, so requests are"
                    + " paused for a while (circuit breaker open); " + request.method() + " " + request.url()
                    + " was not sent", e);
        }
    }

    /**
     * PROPFIND sent once, past the retry and the circuit breaker, giving up after about {@code timeout}: a health
     * probe. Anything but a 207 is a failure.
     *
     * @throws DavUnreachableException on an I/O error or timeout, or a 429 or 5xx answer
     */
    public MultiStatus propfindOnce(URI url, int depth, String xml, Duration timeout) {
        DavRequest request = DavRequest.propfind(url, depth, xml);
        try {
            return multiStatus(sendOnce(request, ProbeContext.within(timeout, authScheme)));
        } catch (DavRetryableException e) {
            throw new DavUnreachableException(request.method(), request.url(), "answered " + e.statusLine() + " to "
                    + request.method() + " " + request.url(), e);
        } catch (UncheckedIOException e) {
            throw new DavUnreachableException(request.method(), request.url(), "cannot be reached ("
                    + RequestLog.describe(e.getCause()) + ") for " + request.method() + " " + request.url()
                    + " within " + timeout.toMillis() + " ms", e.getCause());
        }
    }

    private DavResponse write(DavRequest request) {
        DavResponse response = execute(request);
        Optional<DavHttpException> failure = DavHttpException.failureOf(response);
        if (failure.isPresent()) {
            throw failure.get();
        }
        return response;
    }

    private static MultiStatus multiStatus(DavResponse response) {
        if (!response.isMultiStatus()) {
            throw DavHttpException.from(response);
        }
        try {
            return response.multiStatus();
        } catch (DavFormatException e) {
            throw new DavUnreadableException(response, e);
        }
    }

    private DavResponse sendOnce(DavRequest request) {
        return sendOnce(request, contexts.get());
    }

    private DavResponse sendOnce(DavRequest request, HttpClientContext context) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(request.url());
        request.headers().forEach(builder::addHeader);
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        ClassicHttpRequest httpRequest = builder.build();
        if (basicHeader != null && trusted.contains(request.url())) {
            httpRequest.setHeader("Authorization", basicHeader);
        }
        long started = System.nanoTime();
        try {
            DavResponse response = http.execute(httpRequest, context, r -> read(request, r));
            RequestLog.answered(LOG, request.method(), RequestLog.target(request.url()), response.status(), started);
            if (isServerError(response.status()) || response.status() == TOO_MANY_REQUESTS) {
                // a DavServerErrorException or DavTooManyRequestsException: retried, counted by the breaker
                throw DavHttpException.from(response);
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

    /** 5xx answers worth retrying; 501 and 505 will not change. */
    private static boolean isServerError(int status) {
        return status >= 500 && status != 501 && status != 505;
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof UncheckedIOException || error instanceof DavRetryableException;
    }

    /**
     * How long to wait before attempt {@code attempt + 1}: as long as the server's {@code Retry-After} asks (at most
     * {@link #MAX_RETRY_AFTER}), else {@code firstBackoff} doubled for each attempt after the first.
     */
    static long waitBeforeRetry(int attempt, Either<Throwable, DavResponse> outcome, Duration firstBackoff,
                                        int maxAttempts) {
        Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
        Optional<Duration> asked = failure instanceof DavRetryableException
                ? ((DavRetryableException) failure).retryAfter() : Optional.empty();
        if (asked.isPresent()) {
            Duration wait = asked.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked.get();
            LOG.info("The CalDAV server answered {}; waiting {} ms as its Retry-After asks (attempt {} of {})",
                    ((DavRetryableException) failure).statusLine(), wait.toMillis(), attempt, maxAttempts);
            return wait.toMillis();
        }
        return ResilienceSetup.exponentialBackoff(firstBackoff, attempt, MAX_BACKOFF).toMillis();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client failed: {}", RequestLog.describe(e));
        }
    }
}
