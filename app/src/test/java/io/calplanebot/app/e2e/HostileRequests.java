package io.calplanebot.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.WebhookDelivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile requests made from a {@link Random}: every route with every method, random and malformed paths, Plane
 * webhook deliveries mutated and signed right, wrong or not at all, odd headers, and request lines no HTTP client
 * would write (sent over a plain socket). The same random gives the same request.
 */
final class HostileRequests {
    static final List<String> ROUTES = List.of("/", "/health", "/api/v1/health", "/webhooks/plane",
            "/webhooks/sync", "/webhooks/status", "/metrics", "/docs", "/openapi.json");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> ODD_METHODS = List.of("TRACE", "CONNECT", "PROPFIND", "REPORT", "MKCALENDAR",
            "FOO", "get", "G\u00c9T");
    private static final List<String> BAD_IDS = List.of(".", "..", "a/b", "%2e", "%2e%2e%2f", "../../../etc/passwd",
            "not-a-uuid", "", " ", "\u0000", "\r\nX-Injected: 1", "34e3cadf-3bc2-4b15-8224-3593f19e74bz",
            "34E3CADF-3BC2-4B15-8224-3593F19E74BC", "{}", "\u202e\u2028", "\ud83d\ude00", "?x=1", "#frag");
    private static final List<String> BAD_DATES = List.of("2027-13-01", "2027-02-30", "27-1-1", "yesterday", "",
            "2027-03-01T25:00:00Z", "0000-00-00", "+999999999-12-31", "2027-03-01T00:00:00+99:00", "NaN",
            "2027-03-01\u0000", "9999999999");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json;charset=UTF-16", "application/json; charset=nonsense", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
            "APPLICATION/JSON", "application/json;;;", "/", "*/*", "application/vnd.api+json", "", "text/html");
    private static final List<String> ACCEPTS = List.of("text/html", "application/json", "*/*",
            "text/html;q=0.9, application/json;q=0.1", "text/html;q=abc", ",,,", "text/calendar", "image/png",
            "text/html;q=1.5, */*;q=-1", "application/json;q=0, text/html;q=0");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json = new ObjectMapper();
    private final FakePlane plane;
    private final String project;
    private final String projectIdentifier;
    private final List<String> issues;
    private final String webhookSecret;
    private final String apiToken;
    private final String feedToken;
    private volatile String feedEtag = "W/\"none\"";

    HostileRequests(FakePlane plane, String project, String projectIdentifier, List<String> issues,
                    String webhookSecret, String apiToken, String feedToken) {
        this.plane = plane;
        this.project = project;
        this.projectIdentifier = projectIdentifier;
        this.issues = List.copyOf(issues);
        this.webhookSecret = webhookSecret;
        this.apiToken = apiToken;
        this.feedToken = feedToken;
    }

    void feedEtag(String etag) {
        feedEtag = etag;
    }

    /**
     * One request to send.
     *
     * @param raw          the exact bytes to write to a socket, or null to send it with an HTTP client
     * @param versionProbe the request line is not HTTP/1.x, so {@code 505} is the documented answer
     */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                   boolean chunked, byte[] raw, boolean versionProbe, String kind) {
        String describe() {
            String shownBody = body == null ? "" : new String(body, 0, Math.min(body.length, 300),
                    StandardCharsets.ISO_8859_1);
            String shownRaw = raw == null ? "" : " raw=" + printable(new String(raw, 0, Math.min(raw.length, 300),
                    StandardCharsets.ISO_8859_1));
            return kind + " " + method + " " + printable(abbreviate(target)) + " headers=" + printable(abbreviate(
                    headers.toString())) + " body(" + (body == null ? 0 : body.length) + ")=" + printable(shownBody)
                    + shownRaw;
        }
    }

    Request next(Random random) {
        int pick = random.nextInt(100);
        if (pick < 32) {
            return webhook(random);
        }
        if (pick < 40) {
            return sync(random);
        }
        if (pick < 52) {
            return feed(random);
        }
        if (pick < 75) {
            return route(random);
        }
        if (pick < 92) {
            return randomPath(random);
        }
        return raw(random);
    }

    private Request webhook(Random random) {
        byte[] body = webhookBody(random);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int type = random.nextInt(10);
        if (type < 7) {
            headers.add(Map.entry("Content-Type", "application/json"));
        } else if (type < 9) {
            headers.add(Map.entry("Content-Type", pick(random, CONTENT_TYPES)));
        }
        headers.add(Map.entry("X-Plane-Event", random.nextInt(5) == 0 ? pick(random, List.of("cycle", "module",
                "issue_comment", "", "\u00e9", "x".repeat(300))) : "issue"));
        headers.add(Map.entry("X-Plane-Delivery", random.nextBoolean() ? new UUID(random.nextLong(),
                random.nextLong()).toString() : "not-a-delivery-id"));
        int signing = random.nextInt(20);
        String signature = PlaneWebhookSender.sign(body, webhookSecret);
        if (signing < 9) {
            headers.add(Map.entry("X-Plane-Signature", signature));
        } else if (signing < 12) {
            headers.add(Map.entry("X-Plane-Signature", "sha256=" + signature));
        } else if (signing < 14) {
            headers.add(Map.entry("X-Plane-Signature", PlaneWebhookSender.sign(body, webhookSecret + "x")));
        } else if (signing < 17) {
            headers.add(Map.entry("X-Plane-Signature", pick(random, List.of("", "sha256=", "sha1=" + signature,
                    signature.toUpperCase(Locale.ROOT), signature.substring(1), signature + "00", "sha256=zz",
                    webhookSecret, "x".repeat(5000), "sha256=" + signature + ",sha256=" + signature))));
        }
        String method = random.nextInt(15) == 0 ? pick(random, METHODS) : "POST";
        addRandomHeaders(random, headers);
        return new Request(method, "/webhooks/plane" + maybeQuery(random), headers, body,
                random.nextInt(12) == 0, null, false, "webhook");
    }

    private byte[] webhookBody(Random random) {
        WebhookDelivery delivery = delivery(random);
        if (random.nextInt(6) == 0) {
            return delivery.body();
        }
        ObjectNode tree;
        try {
            tree = (ObjectNode) json.readTree(delivery.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(random, tree);
        }
        byte[] text = write(tree);
        switch (random.nextInt(14)) {
            case 0:
                return Arrays.copyOf(text, random.nextInt(text.length));
            case 1:
                return new String(text, StandardCharsets.UTF_8).getBytes(Charset.forName(pick(random,
                        List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE"))));
            case 2:
                return withInvalidUtf8(random, text);
            case 3:
                return pick(random, List.of(new byte[0], "null".getBytes(StandardCharsets.UTF_8),
                        "[]".getBytes(StandardCharsets.UTF_8), "\"issue\"".getBytes(StandardCharsets.UTF_8),
                        "1e999999999".getBytes(StandardCharsets.UTF_8), "{\"a\":1}{".getBytes(StandardCharsets.UTF_8),
                        "{\"event\":\"issue\",\"event\":\"project\"}".getBytes(StandardCharsets.UTF_8),
                        "\ufeff{}".getBytes(StandardCharsets.UTF_8), "{'single': 'quotes'}".getBytes(
                                StandardCharsets.UTF_8), "NaN".getBytes(StandardCharsets.UTF_8)));
            case 4:
                return deeplyNested(random);
            case 5:
                return random.nextInt(4) == 0 ? oversized(random) : text;
            default:
                return text;
        }
    }

    private WebhookDelivery delivery(Random random) {
        String issue = random.nextInt(8) == 0 ? new UUID(random.nextLong(), random.nextLong()).toString()
                : pick(random, issues);
        switch (random.nextInt(9)) {
            case 0:
                return plane.webhooks().issueCreated(pick(random, issues));
            case 1:
                return plane.webhooks().issueDeleted(issue);
            case 2:
                return plane.webhooks().projectUpdated(project, "name", "Fuzz", "Fuzz");
            case 3:
                return plane.webhooks().projectDeleted(random.nextBoolean() ? project : issue);
            case 4:
                return plane.webhooks().cycleCreated(project, "Sprint " + random.nextInt(100));
            case 5:
                return plane.webhooks().specIssue(pick(random, List.of("created", "updated", "deleted", "moved")),
                        pick(random, issues));
            default:
                return plane.webhooks().issueUpdated(pick(random, issues), pick(random, List.of("name",
                        "target_date", "state", "priority")), "a", "b");
        }
    }

    /** Changes one place of {@code tree}: removes a field, changes its type, or puts a hostile value there. */
    private void mutate(Random random, ObjectNode tree) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        JsonNode data = tree.get("data");
        ObjectNode target = random.nextBoolean() && data instanceof ObjectNode dataObject ? dataObject
                : pick(random, objects);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String field = names.isEmpty() || random.nextInt(10) == 0 ? pick(random, List.of("id", "project",
                "target_date", "start_date", "updated_at", "data", "event", "action")) : pick(random, names);
        switch (random.nextInt(10)) {
            case 0:
                target.remove(field);
                break;
            case 1:
                target.set(field, pick(random, List.<JsonNode>of(NODES.nullNode(), NODES.numberNode(random.nextLong()),
                        NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.objectNode().put("id", "x"),
                        NODES.numberNode(1.5e300), NODES.numberNode(new java.math.BigDecimal("1e999")),
                        NODES.numberNode(-0.0), NODES.textNode(""))));
                break;
            case 2:
                target.put(field, pick(random, BAD_IDS));
                break;
            case 3:
                target.put(field, pick(random, BAD_DATES));
                break;
            case 4:
                target.put(field, randomText(random, 1 + random.nextInt(200_000)));
                break;
            case 5:
                target.set(field, nested(random.nextInt(300)));
                break;
            case 6:
                target.put(field, pick(random, List.of("created", "updated", "deleted", "issue", "project", "cycle",
                        "", "DELETED", "\u0000")));
                break;
            case 7:
                target.set(field, NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400)))));
                break;
            case 8:
                target.put(randomText(random, 1 + random.nextInt(40)), randomText(random, random.nextInt(40)));
                break;
            default:
                target.put(field, new UUID(random.nextLong(), random.nextLong()).toString());
                break;
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, into));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    private static byte[] deeplyNested(Random random) {
        int depth = 500 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        StringBuilder text = new StringBuilder("{\"event\":\"issue\",\"action\":\"updated\",\"data\":");
        text.append(open.repeat(depth));
        if (random.nextBoolean()) {
            text.append("1").append((open.equals("[") ? "]" : "}").repeat(depth)).append('}');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversized(Random random) {
        int size = 1_048_576 + random.nextInt(1_200_000);
        String filler = "x".repeat(size);
        return ("{\"event\":\"issue\",\"action\":\"updated\",\"data\":{\"name\":\"" + filler + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withInvalidUtf8(Random random, byte[] text) {
        byte[] out = text.clone();
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = random.nextInt(out.length);
        System.arraycopy(insert, 0, out, at, Math.min(insert.length, out.length - at));
        return out;
    }

    private Request sync(Random random) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        switch (random.nextInt(6)) {
            case 0:
            case 1:
                headers.add(Map.entry("Authorization", "Bearer " + apiToken));
                break;
            case 2:
                headers.add(Map.entry("Authorization", pick(random, List.of("bearer " + apiToken, "Bearer",
                        "Bearer " + apiToken + "x", "Basic " + apiToken, "Bearer  " + apiToken, "Bearer " + apiToken
                                .substring(1), "", "Bearer " + "y".repeat(6000), "Bearer " + webhookSecret))));
                break;
            default:
                break;
        }
        // a fresh client address per request runs the handler; the shared one soon meets the sync rate limit
        if (random.nextInt(5) != 0) {
            headers.add(Map.entry("X-Forwarded-For", randomAddress(random)));
        }
        addRandomHeaders(random, headers);
        String method = random.nextInt(6) == 0 ? pick(random, METHODS) : "POST";
        byte[] body = random.nextBoolean() ? null : randomText(random, random.nextInt(2000))
                .getBytes(StandardCharsets.UTF_8);
        return new Request(method, "/webhooks/sync" + maybeQuery(random), headers, body, false, null, false, "sync");
    }

    private Request feed(Random random) {
        String target;
        switch (random.nextInt(6)) {
            case 0:
            case 1:
                target = "/feeds/" + feedToken + ".ics";
                break;
            case 2:
                target = "/feeds/public/" + pick(random, List.of(projectIdentifier, project,
                        projectIdentifier.toLowerCase(Locale.ROOT), "X", "..", "%2e%2e", "NOPE", "%00")) + ".ics";
                break;
            case 3:
                target = "/feeds/" + feedToken.substring(0, feedToken.length() - 1)
                        + (char) ('a' + random.nextInt(26))
                        + pick(random, List.of(".ics", ".ICS", "", ".ics/", ".ics.ics"));
                break;
            default:
                target = "/feeds/" + pathSegment(random) + (random.nextInt(4) == 0 ? "" : ".ics");
                break;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            headers.add(Map.entry("If-None-Match", pick(random, List.of(feedEtag, "*", "W/\"x\"", "\"" + feedEtag
                    + "\"", feedEtag + ", W/\"y\"", "", "garbage"))));
        }
        if (random.nextInt(4) == 0) {
            headers.add(Map.entry("If-Modified-Since", pick(random, List.of("Mon, 30 Nov 2099 10:00:00 GMT",
                    "Thu, 01 Jan 1970 00:00:00 GMT", "yesterday", "", "Mon, 99 Foo 2026 99:99:99 GMT"))));
        }
        if (random.nextInt(3) == 0) {
            headers.add(Map.entry("Accept-Encoding", pick(random, List.of("gzip", "gzip;q=0", "br, deflate",
                    "identity", "*", "gzip, gzip, gzip", "x".repeat(3000)))));
        }
        addRandomHeaders(random, headers);
        String method = random.nextInt(4) == 0 ? pick(random, METHODS) : random.nextInt(4) == 0 ? "HEAD" : "GET";
        return new Request(method, target + maybeQuery(random), headers, null, false, null, false, "feed");
    }

    private Request route(Random random) {
        String path = pick(random, ROUTES);
        if (random.nextInt(8) == 0) {
            path = pick(random, List.of(path + "/", path.toUpperCase(Locale.ROOT), "/" + path, path + "%2f",
                    path + ";jsessionid=1", path + "/."));
        }
        String method = random.nextInt(12) == 0 ? pick(random, ODD_METHODS) : pick(random, METHODS);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            headers.add(Map.entry("Accept", pick(random, ACCEPTS)));
        }
        addRandomHeaders(random, headers);
        byte[] body = method.equals("GET") || method.equals("HEAD") || random.nextBoolean() ? null
                : randomText(random, random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
        if (body != null && random.nextBoolean()) {
            headers.add(Map.entry("Content-Type", pick(random, CONTENT_TYPES)));
        }
        return new Request(method, path + maybeQuery(random), headers, body, body != null && random.nextInt(5) == 0,
                null, false, "route");
    }

    private Request randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(5);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(random.nextInt(5) == 0 ? pick(random, ROUTES).substring(1) : pathSegment(random));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        addRandomHeaders(random, headers);
        String method = random.nextInt(10) == 0 ? pick(random, ODD_METHODS) : pick(random, METHODS);
        return new Request(method, path + maybeQuery(random), headers, null, false, null, false, "path");
    }

    private Request raw(Random random) {
        String line;
        boolean versionProbe = false;
        String extra = "";
        switch (random.nextInt(14)) {
            case 0:
                line = "GET /health";
                versionProbe = true;
                break;
            case 1:
                line = "GET /health HTTP/" + pick(random, List.of("1.2", "9.9", "2.0", "0.9", "3", "1.10", "1"));
                versionProbe = true;
                break;
            case 2:
                line = "PRI * HTTP/2.0";
                extra = "\r\nSM\r\n\r\n";
                versionProbe = true;
                break;
            case 3:
                line = pick(random, List.of("GET /health FOO/1.1", "GET /health HTTPS/1.1", "GET /health http/1.1"));
                versionProbe = true;
                break;
            case 4:
                line = pick(random, List.of("", " ", "GET", "GET  /health  HTTP/1.1", "\tGET /health HTTP/1.1",
                        "GET /health HTTP/1.1 extra", "G\u0000T / HTTP/1.1", "GET \u00ff HTTP/1.1",
                        "GET health HTTP/1.1", "GET http://evil.example/health HTTP/1.1", "GET * HTTP/1.1",
                        "GET //// HTTP/1.1", "GET /%zz HTTP/1.1", "GET /%00 HTTP/1.1", "GET /%c0%af HTTP/1.1"));
                break;
            case 5:
                line = "GET /" + "a".repeat(8_000 + random.nextInt(20_000)) + " HTTP/1.1";
                break;
            case 6:
                line = "GET /health HTTP/1.1";
                extra = "X-Big: " + "b".repeat(9_000 + random.nextInt(10_000)) + "\r\n";
                break;
            case 7:
                line = "GET /health HTTP/1.1";
                extra = pick(random, List.of("NoColon\r\n", " folded: line\r\n", "Bad Name: x\r\n", ": empty\r\n",
                        "X-Nul: a\u0000b\r\n", "X-Ctl: \u0007\r\n", "Content-Length: -1\r\n",
                        "Content-Length: 1, 2\r\n", "Content-Length: 99999999999999999999\r\n",
                        "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n", "Transfer-Encoding: gzip\r\n",
                        "Host: a\r\nHost: b\r\n", "Expect: 100-continue\r\n",
                        "Upgrade: h2c\r\nConnection: Upgrade\r\n"));
                break;
            case 8:
                line = "POST /webhooks/plane HTTP/1.1";
                extra = "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n";
                return rawRequest(line, extra, pick(random, List.of("zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}\r\n",
                        "-1\r\n\r\n", "ffffffffffff\r\n{}\r\n0\r\n\r\n", "2;ext=\u00ff\r\n{}\r\n0\r\n\r\n",
                        "2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n", "0\r\n\r\nGET /health HTTP/1.1\r\n\r\n"))
                        .getBytes(StandardCharsets.ISO_8859_1), false, "raw-chunked");
            case 9:
                line = pick(random, METHODS) + " /" + randomText(random, 1 + random.nextInt(40)) + " HTTP/1.1";
                break;
            case 10:
                line = "GET /health HTTP/1.0";
                extra = random.nextBoolean() ? "" : "Connection: keep-alive\r\n";
                return rawRequest(line, extra, null, false, "raw-1.0");
            case 11:
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                return new Request("RAW", "", List.of(), null, false, noise, true, "raw-noise");
            case 12:
                line = "GET /feeds/" + feedToken + ".ics HTTP/1.1";
                extra = "Accept-Encoding: gzip\r\nIf-None-Match: " + feedEtag + "\r\n";
                break;
            default:
                line = "HEAD /" + pick(random, ROUTES).substring(1) + " HTTP/1.1";
                return rawRequest(line, "", null, false, "raw-head");
        }
        return rawRequest(line, extra, null, versionProbe, "raw");
    }

    private static Request rawRequest(String line, String extra, byte[] body, boolean versionProbe, String kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = (line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra + (extra.endsWith("\r\n\r\n")
                ? "" : "\r\n")).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        if (body != null) {
            out.writeBytes(body);
        }
        String method = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
        String afterMethod = line.substring(method.length()).trim();
        String target = afterMethod.endsWith(" HTTP/1.1") ? afterMethod.substring(0, afterMethod.length() - 9)
                : afterMethod;
        return new Request(method, line, List.of(), body, false, out.toByteArray(),
                versionProbe || splitsRequestLine(target), kind);
    }

    /**
     * The same request for a plain socket (when no HTTP client would send it: an odd character in a header or the
     * target, a method it refuses). A line break in the target ends the request line before its version, so the
     * server sees a request line that is not HTTP/1.x.
     */
    static Request overSocket(Request request) {
        if (request.raw() != null) {
            return request;
        }
        return new Request(request.method(), request.target(), request.headers(), request.body(), false,
                rawBytes(request), request.versionProbe() || splitsRequestLine(request.target()), request.kind());
    }

    /** Whitespace in a target ends it early: what follows is taken for the version (or the next line). */
    private static boolean splitsRequestLine(String target) {
        return target.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0b
                || c == 0x0c);
    }

    private static byte[] rawBytes(Request request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        request.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (request.body() != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private void addRandomHeaders(Random random, List<Map.Entry<String, String>> headers) {
        int count = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
        if (random.nextInt(60) == 0) {
            count = 40 + random.nextInt(80);
        }
        for (int i = 0; i < count; i++) {
            headers.add(randomHeader(random));
        }
    }

    private Map.Entry<String, String> randomHeader(Random random) {
        switch (random.nextInt(11)) {
            case 0:
                return Map.entry("Accept", pick(random, ACCEPTS));
            case 1:
                return Map.entry("If-None-Match", pick(random, List.of(feedEtag, "*", "\"x\"", "W/", "")));
            case 2:
                return Map.entry("X-Forwarded-For", pick(random, List.of(randomAddress(random), "unknown", "",
                        ", , ,", "::::::", "1.2.3.4, 5.6.7.8", "999.999.999.999", "[::1]:80", "x".repeat(3000),
                        "\u00e9t\u00e9")));
            case 3:
                return Map.entry("X-Huge-" + random.nextInt(10), "h".repeat(random.nextBoolean() ? 4_000
                        : 9_000 + random.nextInt(4_000)));
            case 4:
                return Map.entry("Accept-Encoding", pick(random, List.of("gzip", "deflate", "br", "gzip;q=abc")));
            case 5:
                return Map.entry("Authorization", pick(random, List.of("Bearer " + apiToken, "Bearer x", "Basic Og==",
                        "Digest username=\"a\"")));
            case 6:
                return Map.entry("Content-Encoding", pick(random, List.of("gzip", "deflate", "br", "identity")));
            case 7:
                return Map.entry("Range", pick(random, List.of("bytes=0-10", "bytes=-1", "bytes=5-1", "lines=1")));
            case 8:
                return Map.entry("X-" + randomText(random, 1 + random.nextInt(10)), randomText(random,
                        random.nextInt(200)));
            case 9:
                return Map.entry("Cookie", randomText(random, random.nextInt(500)));
            default:
                return Map.entry("User-Agent", randomText(random, random.nextInt(100)));
        }
    }

    private static String randomAddress(Random random) {
        return random.nextInt(5) == 0 ? "2001:db8::" + Integer.toHexString(random.nextInt(65536))
                : (10 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256);
    }

    private static String maybeQuery(Random random) {
        if (random.nextInt(6) != 0) {
            return "";
        }
        return pick(random, List.of("?", "?a=1", "?a=%zz", "?" + "q".repeat(3000), "?x=%00&y=\u00e9", "?#",
                "?a=1&a=2"));
    }

    private static String pathSegment(Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return "%2e%2e";
            case 1:
                return "%2e";
            case 2:
                return "%00";
            case 3:
                return "..";
            case 4:
                return "x".repeat(1000 + random.nextInt(12_000));
            case 5:
                return "\u00e9\u4e2d\ud83d\ude00\u202e";
            case 6:
                return "%c0%ae%c0%ae";
            case 7:
                return "%ff%fe";
            case 8:
                return "webjars" + pick(random, List.of("", "/..", "/swagger-ui/../../..", "/%2e%2e/x"));
            case 9:
                return "a%2fb%5c";
            case 10:
                return "feeds/public";
            default:
                return randomText(random, 1 + random.nextInt(30));
        }
    }

    /** Text of {@code length} characters from a mix of ASCII, Latin-1, other Unicode and control characters. */
    static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        int alphabet = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            switch (alphabet == 0 ? random.nextInt(4) : alphabet == 1 ? 0 : random.nextInt(2)) {
                case 0:
                    text.append((char) ('a' + random.nextInt(26)));
                    break;
                case 1:
                    text.append((char) (0x20 + random.nextInt(0x5f)));
                    break;
                case 2:
                    text.append((char) (0xa0 + random.nextInt(0x2000)));
                    break;
                default:
                    text.append((char) random.nextInt(0x20));
                    break;
            }
        }
        return text.toString();
    }

    private byte[] write(JsonNode tree) {
        try {
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
