package io.calplanebot.adapter.plane.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.adapter.plane.PlaneSettings;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.IssueSourceException.Reason;
import io.calplanebot.support.http.HttpClientSetup;
import io.calplanebot.support.http.ProbeContext;
import io.calplanebot.support.http.RequestLog;
import io.calplanebot.support.http.ResilienceSetup;
import io.calplanebot.support.http.RetryAfter;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * GET requests to Plane's v1 API: the API key header, a client-side rate limiter, retries of 429 (after
 * {@code Retry-After}), 5xx and network errors with backoff, and translation of every other failure into an
 * {@link IssueSourceException}. The key is sent only as the {@code X-API-Key} header and never appears in a message
 * or log line.
 */
public final class PlaneClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlaneClient.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PlaneSettings settings;
    private final URI apiBase;
    private final CloseableHttpClient http;
    private final SlidingWindowLimiter limiter;
    private final Retry retry;
    private final ObjectMapper json;
    private final PlaneErrors errors;
    private final BudgetObserver budget;

    public PlaneClient(PlaneSettings settings, ObjectMapper json) {
        this(settings, json, RetryRegistry.ofDefaults(), BudgetObserver.NONE);
    }

    /**
     * A client whose retry ({@code plane-api}) is registered in {@code retries}, for its metrics.
     *
     * @param budget hears every request's purpose and its wait for the rate budget
     */
    public PlaneClient(PlaneSettings settings, ObjectMapper json, RetryRegistry retries, BudgetObserver budget) {
        this.settings = settings;
        this.budget = budget;
        this.apiBase = settings.apiBase();
        this.json = json;
        this.errors = new PlaneErrors(json);
        this.http = HttpClientSetup.forAgent("CalPlaneBot")
                .timeouts(settings.connectTimeout(), settings.responseTimeout())
                .build();
        this.limiter = new SlidingWindowLimiter(settings.rateLimitPerMinute(), Duration.ofMinutes(1));
        this.retry = ResilienceSetup.<PlaneResponse>retry(retries, "plane-api", settings.maxAttempts(),
                this::waitBeforeRetry, e -> e instanceof TransientFailure || e instanceof IOException);
    }

    /**
     * GETs {@code path} (relative to {@code /api/v1/}, already encoded, ending in {@code /}) and returns the JSON.
     *
     * @throws IssueSourceException for every failure, including a 404 (reason NOT_FOUND)
     */
    public JsonNode get(String path, Map<String, String> query, RequestSubject subject, RequestPurpose purpose) {
        return parsed(path, subject, execute(path, URI.create(apiBase + path + PathEncoding.query(query)),
                Optional.empty(), purpose));
    }

    /**
     * Like {@link #get}, but one attempt without retries that gives up after about {@code timeout}: waiting for this
     * client's rate limit, connecting and waiting for the answer are each bounded by it. For health probes.
     */
    public JsonNode getOnce(String path, Map<String, String> query, RequestSubject subject, Duration timeout) {
        return parsed(path, subject, execute(path, URI.create(apiBase + path + PathEncoding.query(query)),
                Optional.of(timeout), RequestPurpose.PROBE));
    }

    private JsonNode parsed(String path, RequestSubject subject, PlaneResponse response) {
        if (response.status() != 200) {
            throw errors.fromStatus("GET", path, subject, response);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new IssueSourceException(Reason.INVALID_RESPONSE, "Plane answered GET " + path + " with something "
                    + "that is not JSON (content type " + response.contentType().orElse("none") + "). Check that "
                    + "PLANE_BASE_URL is the address of the Plane instance (the API lives under /api/v1/).");
        }
    }

    /** Sends with retries, or once within {@code probeTimeout} when one is given. */
    private PlaneResponse execute(String path, URI uri, Optional<Duration> probeTimeout, RequestPurpose purpose) {
        CheckedSupplier<PlaneResponse> once = () -> exchange(path, uri, probeTimeout, purpose);
        CheckedSupplier<PlaneResponse> attempt = probeTimeout.isPresent() ? once
                : Retry.decorateCheckedSupplier(retry, once);
        String attempts = probeTimeout.isPresent() ? "1 attempt" : settings.maxAttempts() + " attempts";
        try {
            return attempt.get();
        } catch (TransientFailure e) {
            PlaneResponse last = e.response();
            if (e.rateLimited()) {
                throw new IssueSourceException(Reason.RATE_LIMITED, "Plane kept refusing GET " + path + " for its "
                        + "rate limit (HTTP 429) after " + attempts + ". Another client may be "
                        + "using the same API key; lower the request rate or try again later.");
            }
            throw new IssueSourceException(Reason.UNREACHABLE, "Plane answered GET " + path + " with HTTP "
                    + last.status() + " after " + attempts + plainMessage(last) + ".");
        } catch (IOException e) {
            throw new IssueSourceException(Reason.UNREACHABLE, "Could not reach Plane at " + apiBase.getScheme() + "://"
                    + apiBase.getAuthority() + " for GET " + path + " after " + attempts + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (IssueSourceException | Error e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IssueSourceException(Reason.UNREACHABLE, "GET " + path + " to Plane was interrupted or failed unexpectedly: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private String plainMessage(PlaneResponse response) {
        String message = errors.planeMessage(response);
        return message.isEmpty() ? "" : " (\"" + message + "\")";
    }

    private boolean acquirePermit(Duration maxWait, RequestPurpose purpose) {
        long started = System.nanoTime();
        try {
            boolean granted = limiter.acquire(maxWait, purpose.urgent());
            if (granted) {
                budget.granted(purpose, Duration.ofNanos(System.nanoTime() - started));
            }
            return granted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private PlaneResponse exchange(String path, URI uri, Optional<Duration> probeTimeout, RequestPurpose purpose)
            throws IOException {
        if (!acquirePermit(probeTimeout.orElse(Duration.ofMinutes(10)), purpose)) {
            throw new IssueSourceException(Reason.RATE_LIMITED, "Waited too long for this client's own rate limit ("
                    + settings.rateLimitPerMinute() + " requests per minute) before GET " + path + ".");
        }
        ClassicRequestBuilder builder = ClassicRequestBuilder.get(uri).addHeader("Accept", "application/json");
        if (settings.hasApiKey()) {
            builder.addHeader("X-API-Key", settings.apiKey());
        }
        ClassicHttpRequest request = builder.build();
        long started = System.nanoTime();
        PlaneResponse response = probeTimeout.isPresent()
                ? http.execute(request, ProbeContext.within(probeTimeout.get(), null), PlaneClient::read)
                : http.execute(request, PlaneClient::read);
        RequestLog.answered(LOG, "GET", path, response.status(), started);
        if (response.status() == 429 || response.status() >= 500) {
            throw new TransientFailure(response, RetryAfter.parse(response.retryAfter()));
        }
        return response;
    }

    private static PlaneResponse read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new PlaneResponse(response.getCode(), body, header(response, "Content-Type"),
                header(response, "Location"), header(response, "Retry-After"));
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
    }

    private long waitBeforeRetry(int attempt, Either<Throwable, PlaneResponse> outcome) {
        Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
        if (failure instanceof TransientFailure && ((TransientFailure) failure).retryAfter().isPresent()) {
            Duration wait = ((TransientFailure) failure).retryAfter().get();
            if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                wait = settings.maxRetryAfter();
            }
            LOG.info("Plane answered HTTP {}; waiting {} ms as its Retry-After asks (attempt {} of {})",
                    ((TransientFailure) failure).response().status(), wait.toMillis(), attempt,
                    settings.maxAttempts());
            return wait.toMillis();
        }
        long backoff = ResilienceSetup.exponentialBackoff(settings.retryBackoff(), attempt, MAX_BACKOFF).toMillis();
        LOG.info("Plane request failed ({}); retrying in {} ms (attempt {} of {})", describe(failure), backoff,
                attempt, settings.maxAttempts());
        return backoff;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TransientFailure) {
            return "HTTP " + ((TransientFailure) failure).response().status();
        }
        return failure == null ? RequestLog.describe(null) : failure.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the Plane HTTP client failed", e);
        }
    }
}
