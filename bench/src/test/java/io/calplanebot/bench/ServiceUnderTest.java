package io.calplanebot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code calplanebot serve} started by the release launcher, as a user starts it; stopped with SIGTERM. */
final class ServiceUnderTest implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final long startedNanos;

    private ServiceUnderTest(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** @param launcher the release archive's {@code calplanebot} script, beside the jar */
    static ServiceUnderTest start(Path launcher, Map<String, String> env, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> all = new HashMap<>(env);
        all.put("HOST", "127.0.0.1");
        all.put("PORT", Integer.toString(port));
        String profile = System.getProperty("bench.serveJavaOptions", "");
        if (!profile.isBlank()) {
            all.put("JAVA_OPTS", profile);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", launcher.toString(), "serve"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(all);
        long started = System.nanoTime();
        return new ServiceUnderTest(builder.start(), port, started);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until {@code /api/v1/health} answers 200; returns the seconds since the process was started. */
    double awaitHealth(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = get("/api/v1/health");
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(5);
        }
        throw new IOException("no health answer within " + timeout);
    }

    /** Waits until a full sync finished (health names its end). */
    void awaitFirstSync(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/v1/health");
            if (response.body().matches("(?s).*\"last_sync\"\\s*:\\s*\".*")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("no full sync finished within " + timeout);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
