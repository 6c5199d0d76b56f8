package io.calplanebot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * Triggers a full sync through the API and waits until it finished; the run's own duration as the service reports
     * it ({@code last_sync.duration_seconds}) and the CPU seconds the service's process used from the trigger until
     * the end was seen. The status is asked after 50 ms, then after pauses each half as long again as the last, up
     * to a second: each question costs the service about a millisecond of CPU, which every 50 ms through a 17-second
     * run added a quarter of a millisecond to each of its 2,000 written events. The third figure is the part of that CPU
     * the JVM's JIT compiler threads used ({@link #compilerCpuSeconds()}).
     */
    double[] timeFullSync(Duration timeout) throws IOException, InterruptedException {
        double runsBefore = syncRuns();
        double cpuBefore = cpuSeconds();
        double compilerBefore = compilerCpuSeconds();
        long start = System.nanoTime();
        HttpResponse<String> triggered = http.send(HttpRequest.newBuilder(uri("/webhooks/sync"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (triggered.statusCode() != 200) {
            throw new IOException("the sync was not triggered: " + triggered.statusCode() + " " + triggered.body());
        }
        long deadline = start + timeout.toNanos();
        long pause = 50;
        while (System.nanoTime() < deadline) {
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 3 / 2);
            // Two runs a second apart can report the very same last_sync (its time is in seconds): a run is told
            // by the service's count of runs, read once the status no longer says running (the metrics page is
            // larger than the status, so it is not read while the measured run goes on).
            if (!get("/webhooks/status").body().replace(" ", "").startsWith("{\"status\":\"running\"")
                    && syncRuns() > runsBefore) {
                String now = lastSync();
                if (!now.contains("\"status\":\"success\"")) {
                    throw new IOException("the full sync did not succeed: " + now);
                }
                Matcher duration = Pattern.compile("\"duration_seconds\":([0-9.]+)").matcher(now);
                if (!duration.find()) {
                    throw new IOException("no duration in " + now);
                }
                return new double[] {Double.parseDouble(duration.group(1)), cpuSeconds() - cpuBefore,
                        compilerCpuSeconds() - compilerBefore};
            }
        }
        throw new IOException("the triggered full sync did not finish within " + timeout);
    }

    /** Full sync runs so far, of any result, from the service's metrics. */
    private double syncRuns() throws IOException, InterruptedException {
        return metricSum("calplanebot_sync_runs_total", "");
    }

    /** The sum of a counter's series (from {@code /metrics}) whose labels contain {@code labelled}. */
    double metricSum(String name, String labelled) throws IOException, InterruptedException {
        double sum = 0;
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(name + "{") && line.substring(0, line.lastIndexOf(' ')).contains(labelled)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private String lastSync() throws IOException, InterruptedException {
        String body = get("/webhooks/status").body().replace(" ", "");
        int at = body.indexOf("\"last_sync\"");
        return at < 0 ? "" : body.substring(at, body.indexOf('}', at) + 1);
    }

    /** User and system CPU of the service's JVM so far (the launcher execs it, so it keeps the process id). */
    double cpuSeconds() throws IOException {
        return cpuTicks(Path.of("/proc/" + process.pid() + "/stat")) / 100.0;
    }

    /** User and system CPU in clock ticks (1/100 s), from a process's or a thread's {@code stat} file. */
    private static long cpuTicks(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * User and system CPU of the JVM's JIT compiler threads so far ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}
     * in {@code /proc/PID/task}). A compiler thread that has exited is no longer counted, so what this leaves out of
     * the process's CPU can only be too little; on 2 cores the JVM keeps one thread of each compiler, which never exits.
     */
    double compilerCpuSeconds() throws IOException {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks += cpuTicks(task.resolve("stat"));
                    }
                } catch (NoSuchFileException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks / 100.0;
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
