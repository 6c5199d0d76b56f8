package io.calplanebot.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.adapter.http.error.ErrorCode;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service (built-in store, sample Plane, webhook secret and API token set) under at least 10 000 hostile
 * requests from a seeded random: an HTTP/1.x answer to every request (bytes that never finish a request line may
 * be closed without one), never a {@code 5xx} (besides the documented {@code 505} for a request line that is not
 * HTTP/1.x), every {@code 4xx} in the error model with a known code, no secret, stack trace or class name in any
 * answer, and {@code /health} still answers afterwards.
 *
 * <p>Replay a run with {@code -Dcalplanebot.fuzz.seed=<seed>}: request {@code #i} is made from the seed and
 * {@code i} alone.
 */
class HostileRequestsFuzzIT {
    private static final int REQUESTS = 10_000;
    private static final Duration GENERATING = Duration.ofSeconds(60);
    private static final int SENDERS = 4;
    private static final int SYNC_LIMIT_PER_HOUR = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern CLASS_OR_FRAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|jdk|org\\.eclipse|io\\.javalin|com\\.fasterxml|io\\.calplanebot)"
                    + "\\.(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"
                    + "|\\b\\w*Exception\\b");
    /** The {@code details} docs/api.md promises per error code. */
    private static final Map<String, List<String>> DETAILS = Map.of(
            "METHOD_NOT_ALLOWED", List.of("allowed_methods"),
            "SYNC_IN_PROGRESS", List.of("sync_id"),
            "PAYLOAD_TOO_LARGE", List.of("max_bytes"),
            "UNSUPPORTED_MEDIA_TYPE", List.of("expected"),
            "MISSING_REQUIRED_FIELD", List.of("field", "reason"),
            "INVALID_DATE_FORMAT", List.of("field", "reason"),
            "VALIDATION_ERROR", List.of("field", "reason"),
            "RATE_LIMIT_EXCEEDED", List.of("limit", "window_seconds", "retry_after_seconds"));
    private static final List<String> ERROR_FIELDS = List.of("status", "message", "error_code", "details",
            "timestamp");

    private static FakePlane plane;
    private static CalPlaneBotService service;
    private static HostileRequests requests;
    private static List<String> secrets;
    private static String feedUrl;

    @BeforeAll
    static void start() throws Exception {
        plane = FakePlane.start("fuzz-team");
        String project = plane.addProject("FUZ", "Fuzzed");
        List<String> issues = new ArrayList<>();
        issues.add(plane.addIssue(project, d -> d.name("Dated").targetDate(LocalDate.of(2027, 3, 1))));
        issues.add(plane.addIssue(project, d -> d.name("Started").startDate(LocalDate.of(2027, 2, 1))
                .targetDate(LocalDate.of(2027, 2, 10))));
        issues.add(plane.addIssue(project, d -> d.name("Undated")));
        Path data = Files.createTempDirectory("calplanebot-fuzz-data");
        String webhookSecret = PlaneWebhookSender.newSecret();
        String apiToken = "fuzz-api-token-" + Long.toHexString(new Random().nextLong());
        Map<String, String> env = BuiltinStoreEnvironment.of(plane, webhookSecret, data);
        env.put("API_TOKEN", apiToken);
        env.put("TRUST_PROXY", "true");
        env.put("FEEDS_ALLOW_UNTOKENED", "true");
        env.put("WEBHOOK_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("FEED_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("SYNC_RATE_LIMIT_PER_HOUR", String.valueOf(SYNC_LIMIT_PER_HOUR));
        service = BuiltinStoreEnvironment.startAfterFirstSync(env);
        feedUrl = BuiltinStoreEnvironment.addFeed(env, service.port(), "fuzz", "--project", "FUZ");
        String feedToken = feedUrl.substring(feedUrl.lastIndexOf('/') + 1, feedUrl.length() - ".ics".length());
        secrets = List.of(webhookSecret, apiToken, plane.apiKey(), feedToken);
        requests = new HostileRequests(plane, project, "FUZ", issues, webhookSecret, apiToken, feedToken);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void tenThousandHostileRequests_getNo5xx_andEvery4xxInTheErrorModel_andTheServiceStaysHealthy()
            throws Exception {
        long seed = Long.getLong("calplanebot.fuzz.seed", System.currentTimeMillis());
        System.out.println("fuzz: seed " + seed + " (replay with -Dcalplanebot.fuzz.seed=" + seed + ")");
        ExecutorService clientThreads = Executors.newFixedThreadPool(2);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + service.port();
            HttpResponse<byte[]> feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(feed.statusCode()).as("seed %d: the feed answers", seed).isEqualTo(200);
            feed.headers().firstValue("ETag").ifPresent(requests::feedEtag);

            Tally tally = new Tally(seed);
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            long deadline = started + GENERATING.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                running.add(senders.submit(() -> {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < REQUESTS) {
                        try {
                            long before = System.nanoTime();
                            Answer answer = send(http, base, requests.next(new Random(mix(seed, i))));
                            tally.slow(i, answer, System.nanoTime() - before);
                            tally.check(i, answer.sent(), answer);
                        } catch (RuntimeException e) {
                            tally.failures.add("seed " + seed + " request #" + i + ": " + e);
                        }
                    }
                }));
            }
            for (Future<?> sender : running) {
                sender.get(GENERATING.toSeconds() + 30, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            Map<Integer, Long> counts = Tally.sums(tally.statuses);
            System.out.println(String.format(Locale.ROOT, "fuzz: %d requests in %.1f s, seed %d, status counts %s,"
                            + " %d 5xx (besides %d documented 505 for request lines that are not HTTP/1.x)",
                    tally.sent.sum(), seconds, seed, counts, counts.entrySet().stream().filter(e -> e.getKey() >= 500
                            && e.getKey() != 505).mapToLong(Map.Entry::getValue).sum(), counts.getOrDefault(505, 0L)));
            tally.slow.forEach(line -> System.out.println("fuzz: slow answer " + line));
            System.out.println("fuzz: by kind " + new TreeMap<>(tally.byKind).entrySet().stream()
                    .map(kind -> kind.getKey() + "=" + Tally.sums(kind.getValue())).collect(Collectors.joining(", ")));

            assertThat(tally.failures).as("seed %d: %d failing answers (replay with -Dcalplanebot.fuzz.seed=%d),"
                    + " the first:%n%s", seed, tally.failures.size(), seed, tally.failures.stream().limit(15)
                    .collect(Collectors.joining("\n"))).isEmpty();
            assertThat(tally.sent.sum()).as("seed %d: requests sent within %s", seed, GENERATING)
                    .isGreaterThanOrEqualTo(REQUESTS);
            assertThat(counts).as("seed %d: the sync rate limit was met", seed).containsKey(429);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("seed %d: /health after the run: %s", seed, health.body())
                    .isEqualTo(200);
        } finally {
            senders.shutdownNow();
            clientThreads.shutdownNow();
        }
    }

    /**
     * Bytes without a line end and then the end of the connection: the request line never finished, so there is
     * nothing to answer, and the server closing without a word is the right end (a single byte of noise does it).
     */
    private static boolean unfinishedRequestLine(HostileRequests.Request request) {
        if (request.raw() == null) {
            return false;
        }
        for (byte b : request.raw()) {
            if (b == '\n') {
                return false;
            }
        }
        return true;
    }

    /** What came back: the status (-1: no HTTP/1.x status line), the headers (lower-case names) and the body. */
    private record Answer(int status, Map<String, String> headers, byte[] body, String via,
                          HostileRequests.Request sent) {
    }

    private static Answer send(HttpClient http, String base, HostileRequests.Request request) {
        try {
            if (request.raw() != null) {
                return raw(request, "socket");
            }
            HttpRequest built;
            try {
                built = build(base, request);
            } catch (IllegalArgumentException notForAClient) {
                return raw(HostileRequests.overSocket(request), "socket (no HTTP client sends it)");
            }
            try {
                HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new TreeMap<>();
                response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                        values.get(0)));
                return new Answer(response.statusCode(), headers, response.body(), "http client", request);
            } catch (IOException closedEarly) {
                // the server may answer and close before a large body is sent; a socket still reads that answer
                return raw(HostileRequests.overSocket(request), "socket (after " + closedEarly + ")");
            }
        } catch (IOException e) {
            return new Answer(-1, Map.of(), ("no answer: " + e).getBytes(StandardCharsets.UTF_8), "failed",
                    request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Map.of(), "interrupted".getBytes(StandardCharsets.UTF_8), "failed", request);
        }
    }

    private static HttpRequest build(String base, HostileRequests.Request request) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(20)).method(request.method(), body);
        request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
        return builder.build();
    }

    private static Answer raw(HostileRequests.Request request, String via) throws IOException {
        RawHttpExchange.Answer answer = RawHttpExchange.exchange(service.port(), request.raw(),
                request.method().equals("HEAD"));
        return new Answer(answer.status(), answer.headers(), answer.status() < 0
                ? answer.head().getBytes(StandardCharsets.ISO_8859_1) : answer.body(), via, request);
    }

    /** What the run saw: answers by status and by kind of request, and every failing answer. */
    private static final class Tally {
        private final long seed;
        private final LongAdder sent = new LongAdder();
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Map<String, Map<Integer, LongAdder>> byKind = new ConcurrentHashMap<>();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();

        private final Queue<String> slow = new ConcurrentLinkedQueue<>();

        Tally(long seed) {
            this.seed = seed;
        }

        void slow(int index, Answer answer, long nanos) {
            if (nanos > TimeUnit.SECONDS.toNanos(2)) {
                slow.add(String.format(Locale.ROOT, "#%d %d ms %d %s", index, nanos / 1_000_000, answer.status(),
                        answer.sent().describe().substring(0, Math.min(200, answer.sent().describe().length()))));
            }
        }

        void check(int index, HostileRequests.Request request, Answer answer) {
            sent.increment();
            statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
            byKind.computeIfAbsent(request.kind(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
            String body = text(answer);
            List<String> problems = new ArrayList<>();
            if (answer.status() < 0 && !(unfinishedRequestLine(request) && answer.body().length == 0)) {
                problems.add("no HTTP/1.x answer");
            } else if (answer.status() >= 500 && !(answer.status() == 505 && request.versionProbe())) {
                problems.add("a " + answer.status());
            }
            if (answer.status() >= 400 && !request.method().equals("HEAD")) {
                problems.addAll(errorModelProblems(answer.status(), body));
            }
            if (answer.status() == 429 && !answer.headers().containsKey("retry-after")) {
                problems.add("a 429 without Retry-After");
            }
            if (answer.status() == 405 && !answer.headers().containsKey("allow")) {
                problems.add("a 405 without Allow");
            }
            for (String secret : secrets) {
                if (body.contains(secret)) {
                    problems.add("a secret in the body");
                }
            }
            var leak = CLASS_OR_FRAME.matcher(body);
            if (!isStaticAsset(answer) && leak.find()) {
                problems.add("a class name or stack frame in the body: " + leak.group());
            }
            if (!problems.isEmpty()) {
                String shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
                for (String secret : secrets) {
                    shown = shown.replace(secret, "[secret]");
                }
                failures.add(String.format(Locale.ROOT,
                        "seed %d request #%d: %s%n  request: %s%n  answer (%s): %d %s",
                        seed, index, problems, request.describe(), answer.via(), answer.status(),
                        HostileRequests.printable(shown)));
            }
        }

        static Map<Integer, Long> sums(Map<Integer, LongAdder> counts) {
            Map<Integer, Long> out = new TreeMap<>();
            counts.forEach((status, n) -> out.put(status, n.sum()));
            return out;
        }
    }

    private static List<String> errorModelProblems(int status, String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("a " + status + " whose body is not JSON");
        }
        if (error == null || !error.isObject()) {
            return List.of("a " + status + " whose body is not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        error.fieldNames().forEachRemaining(fields::add);
        if (!fields.containsAll(ERROR_FIELDS)) {
            problems.add("a " + status + " without all five fields of the error model: " + fields);
        }
        if (!error.path("status").asText().equals("error")) {
            problems.add("status is not \"error\"");
        }
        if (!error.path("message").isTextual() || error.path("message").asText().isBlank()) {
            problems.add("no message");
        }
        if (!error.path("details").isObject()) {
            problems.add("details is not an object");
        }
        if (!TIMESTAMP.matcher(error.path("timestamp").asText()).matches()) {
            problems.add("timestamp is not ISO-8601 UTC to the second");
        }
        String code = error.path("error_code").asText();
        if (Arrays.stream(ErrorCode.values()).noneMatch(c -> c.name().equals(code))) {
            problems.add("unknown error_code " + code);
        } else if (!fitsStatus(ErrorCode.valueOf(code), status)) {
            problems.add("error_code " + code + " with status " + status);
        }
        for (String detail : DETAILS.getOrDefault(code, List.of())) {
            if (error.path("details").path(detail).isMissingNode()) {
                problems.add(code + " without details." + detail);
            }
        }
        return problems;
    }

    private static boolean fitsStatus(ErrorCode code, int status) {
        return code.status() == status || (code == ErrorCode.BAD_REQUEST && status == 408)
                || (code == ErrorCode.CALDAV_CONNECTION_ERROR && status == 503);
    }

    /** The Swagger UI files are third-party JavaScript and CSS, not answers of this service. */
    private static boolean isStaticAsset(Answer answer) {
        String type = answer.headers().getOrDefault("content-type", "");
        return answer.status() < 400 && (type.contains("javascript") || type.contains("css")
                || type.startsWith("image/") || type.contains("text/html") && answer.body().length > 50_000);
    }

    private static String text(Answer answer) {
        byte[] body = answer.body();
        if ("gzip".equalsIgnoreCase(answer.headers().get("content-encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                return new String(body, StandardCharsets.ISO_8859_1);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A seed for request {@code index} of run {@code seed} (SplitMix64), so each request can be made again alone. */
    private static long mix(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
