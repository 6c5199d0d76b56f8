package io.calplanebot.adapter.caldav.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that answers with queued {@link CannedAnswer}s (a 500 when none is left) and records
 * every request, so that a test can assert method, headers and body (the MockWebServer pattern, on the JDK's own
 * server). Runs without any real CalDAV server.
 */
public final class RecordingServer implements AutoCloseable {
    private final HttpServer http;
    private final ConcurrentLinkedQueue<CannedAnswer> answers = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<RecordedExchange> unread = new LinkedBlockingQueue<>();
    private final List<RecordedExchange> all = new CopyOnWriteArrayList<>();

    private RecordingServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    public static RecordingServer start() {
        try {
            return new RecordingServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    public RecordingServer enqueue(CannedAnswer answer) {
        answers.add(answer);
        return this;
    }

    /** The oldest request not yet taken; fails when none came within a second. */
    public RecordedExchange take() {
        try {
            RecordedExchange next = unread.poll(1, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no request was received");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The requests received and not yet taken. */
    public List<RecordedExchange> unread() {
        return List.copyOf(unread);
    }

    public List<RecordedExchange> requests() {
        return List.copyOf(all);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RecordedExchange request = new RecordedExchange(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), headers, body);
        all.add(request);
        unread.add(request);
        CannedAnswer answer = answers.poll();
        if (answer == null) {
            answer = CannedAnswer.status(500);
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
