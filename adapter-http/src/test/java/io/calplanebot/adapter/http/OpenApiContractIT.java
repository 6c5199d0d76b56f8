package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.domain.webhook.WebhookRejectedException.Reason;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.WebhookReceipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document served at /openapi.json must describe exactly the routes and answers of the real server. */
class OpenApiContractIT extends SharedServer {
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final String PAYLOAD = WebhookEndpointIT.SPEC_PAYLOAD;

    private final TestApi t = TestApi.roomy();
    private JsonNode document;
    private SchemaChecker checker;
    private final Set<String> codesSeen = new TreeSet<>();

    @BeforeEach
    void readTheDocument() {
        document = t.get("/openapi.json").json();
        checker = new SchemaChecker(document);
    }

    @Test
    void everyRegisteredRoute_isDocumented_andEveryDocumentedOperation_exists() {
        Set<String> registered = new TreeSet<>();
        t.api.routes().forEach(r -> registered.add(r.method() + " " + r.path()));
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }

        assertThat(registered).hasSizeGreaterThanOrEqualTo(9);
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void servedDocument_isOpenApi3_withTheRunningVersion() {
        assertThat(document.path("openapi").asText()).startsWith("3.0");
        assertThat(document.path("info").path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void docsPage_loadsSwaggerUi_fromTheWebjar_overTheDocument() {
        Answer page = t.get("/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("SwaggerUIBundle").contains("/openapi.json");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page.body());
        int found = 0;
        while (assets.find()) {
            found++;
            Answer asset = t.get(assets.group(1));
            assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body().length()).as(assets.group(1)).isGreaterThan(10_000);
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void theDocsPagesFiles_areServedWithTheirTypeAndCacheable_andNothingElseUnderWebjars() {
        Matcher script = Pattern.compile("src=\"(/webjars/swagger-ui/([^/]+)/)swagger-ui-bundle.js\"")
                .matcher(t.get("/docs").body());
        assertThat(script.find()).isTrue();
        String folder = script.group(1);

        Answer css = t.get(folder + "swagger-ui.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.header("Cache-Control")).isEqualTo("max-age=31622400");
        assertThat(t.get(folder + "swagger-ui-bundle.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(t.get(folder + "favicon-32x32.png").header("Content-Type")).isEqualTo("image/png");

        ErrorModel.assertError(t.get("/webjars/swagger-ui/0.0.1/swagger-ui.css"), 404, "NOT_FOUND");
        ErrorModel.assertError(t.get(folder + "nothing.js"), 404, "NOT_FOUND");
        ErrorModel.assertError(t.get(folder + "..%2F..%2F..%2Fmaven%2Forg.webjars%2Fswagger-ui%2Fpom.properties"), 404,
                "NOT_FOUND");
        ErrorModel.assertError(t.get(folder + ".hidden.js"), 404, "NOT_FOUND");
        ErrorModel.assertError(t.get("/webjars/other/1.0/x.js"), 404, "NOT_FOUND");
    }

    @Test
    void rootForABrowser_answersTheDocumentedHtmlStatusPage() {
        Answer page = t.get("/", "Accept", "text/html");
        JsonNode content = document.at("/paths/~1/get/responses/200/content");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(content.has("text/html")).as("GET / documents its text/html answer").isTrue();
        assertThat(content.has("application/json")).as("and keeps the spec's JSON").isTrue();
    }

    @Test
    void answersOfTheRunningServer_conformToTheDocumentedSchemas() {
        conforms("GET", "/", () -> t.get("/"));
        conforms("GET", "/health", () -> t.get("/health"));
        t.status.health = new HealthReport(SyncState.RUNNING, 5, 127, 23, 3, Optional.of(Instant.parse("2025-12-27T10:25:00Z")),
                FakeReadStatus.peer(ConnectionState.HEALTHY), Map.of("builtin", FakeReadStatus.peer(ConnectionState.HEALTHY),
                        "caldav", FakeReadStatus.peer(ConnectionState.UNHEALTHY)));
        conforms("GET", "/health", () -> t.get("/health"));
        conforms("GET", "/api/v1/health", () -> t.get("/api/v1/health"));
        t.status.reset();
        conforms("GET", "/api/v1/health", () -> t.get("/api/v1/health"));
        conforms("GET", "/webhooks/status", () -> t.get("/webhooks/status"));
        SyncReport report = new SyncReport("s", Instant.parse("2025-12-27T10:25:00Z"), Duration.ofMillis(2340),
                RunResult.FAILED, false, List.of(), List.of(), 15, List.of("Plane unreachable"),
                List.of(new TargetReport("caldav", List.of(), 15, List.of("Plane unreachable"))));
        t.status.status = new SyncStatus(SyncState.ERROR, Optional.of(report), Optional.of(Instant.parse("2025-12-27T10:35:00Z")), 2);
        conforms("GET", "/webhooks/status", () -> t.get("/webhooks/status"));
        t.status.failure = new IllegalStateException("boom");
        conforms("GET", "/webhooks/status", () -> t.get("/webhooks/status"));

        webhookAnswers();
        syncAnswers();
        conformsToError(t.get("/no/such/route"));
        conformsToError(t.get("/webhooks/plane"));
        String raw = t.rawExchange("GET /he alth HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        conformsToError(new Answer(400, null, raw.substring(raw.indexOf("\r\n\r\n") + 4)));
        for (String rejected : List.of("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")) {
            String answer = t.rawExchange(rejected);
            conformsToError(new Answer(Integer.parseInt(answer.substring(9, 12)), null,
                    answer.substring(answer.indexOf("\r\n\r\n") + 4)));
        }

        // The spec's PLANE_API_ERROR and CALDAV_CONNECTION_ERROR stay in the error model and in HttpErrorMapping
        // (HttpErrorMappingTest), but no route answers them: webhooks are queued and the trigger starts a background run.
        Set<String> answerable = new TreeSet<>(documentedErrorCodes());
        answerable.removeAll(Set.of("PLANE_API_ERROR", "CALDAV_CONNECTION_ERROR"));
        assertThat(codesSeen).as("every error code a route can answer was produced and checked")
                .isEqualTo(answerable);
    }

    @Test
    void feedAnswers_haveTheDocumentedStatusesContentTypesAndHeaders() {
        try (FeedServer feeds = new FeedServer(TestApi.ROOMY.withUntokenedFeeds(true))) {
            feeds.archive.put("Plane: Mobile", FeedServer.event("1", "MOB", io.calplanebot.core.domain.StateGroup.STARTED,
                    io.calplanebot.core.domain.Priority.NONE, List.of()));
            String path = "/feeds/" + feeds.add("all", io.calplanebot.core.domain.feed.FeedFilter.everything()) + ".ics";
            Answer ok = feeds.get(path);
            feedConforms("/feeds/{token}.ics", ok);
            feedConforms("/feeds/{token}.ics", feeds.get(path, "If-None-Match", ok.header("ETag")));
            feedConforms("/feeds/{token}.ics", feeds.get("/feeds/unknown-token-0123456789.ics"));
            feedConforms("/feeds/public/{project}.ics", feeds.get("/feeds/public/MOB.ics"));
            feedConforms("/feeds/public/{project}.ics", feeds.get("/feeds/public/NOPE.ics"));
            feeds.t.api.update(TestApi.ROOMY.withFeedLimit(RateLimit.perMinute(1)));
            feeds.get(path);
            feedConforms("/feeds/{token}.ics", feeds.get(path));
        }
    }

    private void feedConforms(String documentedPath, Answer answer) {
        JsonNode response = checker.resolve(document.path("paths").path(documentedPath).path("get").path("responses")
                .path(Integer.toString(answer.status())));
        assertThat(response.isMissingNode()).as("%s answered %s, which the document does not list", documentedPath,
                answer).isFalse();
        response.path("headers").fieldNames().forEachRemaining(header ->
                assertThat(answer.header(header)).as("%s %s %s", documentedPath, answer.status(), header).isNotNull());
        if (answer.status() == 200) {
            assertThat(response.path("content").has("text/calendar")).isTrue();
            assertThat(answer.header("Content-Type")).startsWith("text/calendar");
        } else if (answer.status() >= 400) {
            assertThat(checker.violations(response.path("content").path("application/json").path("schema"),
                    answer.json())).as(answer.toString()).isEmpty();
        }
    }

    private void webhookAnswers() {
        conforms("POST", "/webhooks/plane", () -> t.postJson("/webhooks/plane", PAYLOAD));
        t.webhooks.answer(new WebhookReceipt(WebhookReceipt.Disposition.IGNORED, "cycle", "created", Optional.empty()));
        conforms("POST", "/webhooks/plane", () -> t.postJson("/webhooks/plane", PAYLOAD));
        t.webhooks.answer(new WebhookReceipt(WebhookReceipt.Disposition.DUPLICATE, "issue", "updated", Optional.of("i")));
        conforms("POST", "/webhooks/plane", () -> t.postJson("/webhooks/plane", PAYLOAD));
        conforms("POST", "/webhooks/plane", () -> t.post("/webhooks/plane", new byte[0], "Content-Type", "application/json"));
        conforms("POST", "/webhooks/plane", () -> t.post("/webhooks/plane", new byte[] {'{'}, "Content-Type", "text/plain"));
        conforms("POST", "/webhooks/plane", () -> t.post("/webhooks/plane", WebhookEndpointIT.paddedJson(1024 * 1024 + 1),
                "Content-Type", "application/json"));
        for (RuntimeException failure : List.of(
                new WebhookRejectedException(Reason.INVALID_SIGNATURE, "Invalid webhook signature"),
                new WebhookRejectedException(Reason.MALFORMED_JSON, "Malformed JSON"),
                WebhookRejectedException.missingField("data.id"),
                WebhookRejectedException.invalidDate("data.target_date"),
                new WebhookRejectedException(Reason.INVALID_FIELD, "bad", "data.priority"),
                new io.calplanebot.core.port.out.StateStoreException("disk full", null),
                new IllegalStateException("x"))) {
            t.webhooks.fail(failure);
            conforms("POST", "/webhooks/plane", () -> t.postJson("/webhooks/plane", PAYLOAD));
        }
        t.api.update(TestApi.ROOMY.withWebhookLimit(RateLimit.perMinute(1)).withTrustProxy(true));
        t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "198.51.100.7");
        conforms("POST", "/webhooks/plane", () -> t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "198.51.100.7"));
        t.reset();
    }

    private void syncAnswers() {
        conforms("POST", "/webhooks/sync", () -> t.post("/webhooks/sync", new byte[0]));
        t.sync.failure = new SyncInProgressException("sync-0");
        conforms("POST", "/webhooks/sync", () -> t.post("/webhooks/sync", new byte[0]));
        t.sync.failure = new RejectedExecutionException("the sync could not start");
        conforms("POST", "/webhooks/sync", () -> t.post("/webhooks/sync", new byte[0]));
        t.api.update(TestApi.ROOMY.withApiToken("tok").withSyncLimit(RateLimit.perHour(1)).withTrustProxy(true));
        conforms("POST", "/webhooks/sync", () -> t.post("/webhooks/sync", new byte[0], "X-Forwarded-For", "198.51.100.8"));
        conforms("POST", "/webhooks/sync", () -> t.post("/webhooks/sync", new byte[0], "X-Forwarded-For", "198.51.100.8"));
        t.reset();
    }

    private void conforms(String method, String path, Supplier<Answer> call) {
        Answer answer = call.get();
        JsonNode response = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path(Integer.toString(answer.status()));
        assertThat(response.isMissingNode()).as("%s %s answered %s, which the document does not list", method, path, answer)
                .isFalse();
        response = checker.resolve(response);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("%s %s %s has a JSON schema", method, path, answer.status()).isFalse();
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(checker.violations(schema, answer.json())).as("%s %s -> %s", method, path, answer).isEmpty();
        if (answer.status() >= 400) {
            codesSeen.add(answer.json().path("error_code").asText());
        }
    }

    private void conformsToError(Answer answer) {
        assertThat(checker.violations(document.at("/components/schemas/Error"), answer.json())).as(answer.toString()).isEmpty();
        codesSeen.add(answer.json().path("error_code").asText());
    }

    private Set<String> documentedErrorCodes() {
        Set<String> codes = new TreeSet<>();
        document.at("/components/schemas/Error/properties/error_code/enum").forEach(c -> codes.add(c.asText()));
        return codes;
    }
}
