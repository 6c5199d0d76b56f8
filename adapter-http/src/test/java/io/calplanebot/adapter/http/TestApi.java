package io.calplanebot.adapter.http;

import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.ReadFeedUseCase;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real {@link HttpApi} on a random port over fake use cases (or the real ones given), and a client for it. */
final class TestApi implements AutoCloseable {
    static final Instant STARTED = Instant.parse("2025-12-27T08:14:30Z");
    static final Instant NOW = Instant.parse("2025-12-27T10:30:00Z");
    /** Limits high enough that only the rate-limit tests ever meet them. */
    static final ApiSettings ROOMY = ApiSettings.defaults()
            .withWebhookLimit(RateLimit.perMinute(100_000))
            .withSyncLimit(RateLimit.perHour(100_000))
            .withFeedLimit(RateLimit.perMinute(100_000));

    final FakeRunFullSync sync = new FakeRunFullSync();
    final FakeReadStatus status = new FakeReadStatus();
    final FakeHandleWebhook webhooks = new FakeHandleWebhook();
    final MutableClock clock = new MutableClock(NOW);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpApi api;
    /** The feed names the status page shows. */
    final List<String> feedNames = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestApi(ApiSettings settings) {
        this(settings, null, null, null);
    }

    private TestApi(ApiSettings settings, RunFullSyncUseCase realSync, ReadStatusUseCase realStatus,
                    HandleWebhookUseCase realWebhooks) {
        this(settings, realSync, realStatus, realWebhooks, null);
    }

    private TestApi(ApiSettings settings, RunFullSyncUseCase realSync, ReadStatusUseCase realStatus,
                    HandleWebhookUseCase realWebhooks, Function<Clock, ReadFeedUseCase> feeds) {
        HttpApi.Builder builder = HttpApi.builder();
        if (feeds != null) {
            builder.readFeeds(feeds.apply(clock));
        }
        api = builder
                .runFullSync(realSync == null ? sync : realSync)
                .readStatus(realStatus == null ? status : realStatus)
                .handleWebhook(realWebhooks == null ? webhooks : realWebhooks)
                .bind("127.0.0.1", 0)
                .settings(settings)
                .service(ServiceInfo.calPlaneBot("1.0.0"))
                .startedAt(STARTED)
                .clock(clock)
                .meterRegistry(registry)
                .feedNames(() -> List.copyOf(feedNames))
                .build()
                .start();
    }

    static TestApi roomy() {
        return new TestApi(ROOMY);
    }

    /** A server whose sync trigger and status are real use cases (e.g. core's sync service), not the fakes. */
    static TestApi over(RunFullSyncUseCase sync, ReadStatusUseCase status) {
        return new TestApi(ROOMY, sync, status, null);
    }

    /** A server whose webhook intake is a real use case (e.g. core's webhook service), not the fake. */
    static TestApi over(HandleWebhookUseCase webhooks) {
        return new TestApi(ROOMY, null, null, webhooks);
    }

    /** A server whose feeds are read by the use case made over the server's own (test) clock. */
    static TestApi withFeeds(ApiSettings settings, Function<Clock, ReadFeedUseCase> feeds) {
        return new TestApi(settings, null, null, null, feeds);
    }

    /** Back to the state a fresh server has (settings, fakes, clock); rate-limit windows stay. */
    void reset() {
        api.update(ROOMY);
        sync.reset();
        status.reset();
        webhooks.reset();
        feedNames.clear();
        clock.set(NOW);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(Duration.ofSeconds(10));
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    Answer post(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    Answer postJson(String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), all);
    }

    /** Sends bytes the HTTP client would refuse to send, and reads the whole raw answer. */
    String rawExchange(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        api.stop();
    }
}
