package io.calplanebot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of POSTs sent by wrk (a load generator in C), each request once, over a number of kept-alive connections.
 * The benchmark's own JVM, sending the same burst with Java's HTTP client, took one of the machine's two cores for
 * itself; wrk leaves the service most of the machine, as a Plane on another host would.
 */
final class WrkBurst {
    private static final Pattern RESULT = Pattern.compile("INTAKE requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p99_us=(\\d+) unexpected=(\\d+) errors=(\\d+)");
    private static final int THREADS = 2;

    /** One request: its headers (without Host and Content-Length) and its body. */
    record Request(Map<String, String> headers, byte[] body) {
    }

    /** What wrk measured: the answers, the rate over the whole burst, and the answers' p50 and p99. */
    record Result(long answered, double perSecond, double p50Millis, double p99Millis) {
        String row() {
            return Report.f(perSecond) + "/s; " + Report.f(p50Millis) + " ms / " + Report.f(p99Millis) + " ms";
        }
    }

    private WrkBurst() {
    }

    /**
     * Sends every request once to {@code target} over {@code connections} connections and checks that each answer
     * has the status {@code expected} and a body that contains {@code text}.
     *
     * @throws IOException when wrk fails, an answer has another status, or a connection fails
     */
    static Result send(URI target, List<Request> requests, int connections, int expected, String text,
            Path workDir)
            throws IOException, InterruptedException {
        int connectionsPerThread = Math.max(1, connections / THREADS);
        if (requests.size() < THREADS * connectionsPerThread * 2) {
            throw new IllegalArgumentException("a burst needs at least " + THREADS * connectionsPerThread * 2
                    + " requests");
        }
        Path file = workDir.resolve("intake-requests.bin");
        try (var out = Files.newOutputStream(file)) {
            String hostLine = "Host: " + target.getHost() + ":" + target.getPort() + "\r\n";
            for (Request request : requests) {
                StringBuilder head = new StringBuilder("POST ").append(target.getRawPath()).append(" HTTP/1.1\r\n")
                        .append(hostLine);
                request.headers().forEach((name, value) -> head.append(name).append(": ").append(value)
                        .append("\r\n"));
                head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
                byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
                out.write((headBytes.length + request.body().length + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(headBytes);
                out.write(request.body());
            }
        }
        Path script = workDir.resolve("intake.lua");
        try (InputStream in = WrkBurst.class.getResourceAsStream("/intake.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Process wrk = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + THREADS * connectionsPerThread, "-d600s",
                "--timeout", "10s", "-s", script.toString(), target.toString(), "--", file.toString(),
                String.valueOf(THREADS), String.valueOf(connectionsPerThread), String.valueOf(expected), text)
                .redirectErrorStream(true).start();
        // wrk runs until its duration is over; each thread prints a line when it stopped, and once every thread has,
        // wrk is interrupted, which makes it print its summary and end.
        StringBuilder printed = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(wrk.getInputStream(),
                StandardCharsets.UTF_8))) {
            int stopped = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                printed.append(line).append('\n');
                if (line.equals("THREAD STOPPED") && ++stopped == THREADS) {
                    interrupt(wrk);
                }
            }
        }
        if (!wrk.waitFor(11, TimeUnit.MINUTES)) {
            wrk.destroyForcibly();
            throw new IOException("wrk did not finish");
        }
        String output = printed.toString();
        Matcher m = RESULT.matcher(output);
        if (wrk.exitValue() != 0 || !m.find()) {
            throw new IOException("wrk failed (exit " + wrk.exitValue() + "): " + output);
        }
        long answered = Long.parseLong(m.group(1));
        if (Long.parseLong(m.group(5)) != 0 || Long.parseLong(m.group(6)) != 0) {
            throw new IOException(String.format(Locale.ROOT, "%s answers without status %d and \"%s\", %s failed connections: %s",
                    m.group(5), expected, text, m.group(6), output));
        }
        if (answered < requests.size() - (long) THREADS * connectionsPerThread) {
            throw new IOException("wrk stopped after " + answered + " of " + requests.size() + " answers: " + output);
        }
        Files.delete(file);
        return new Result(answered, answered / (Long.parseLong(m.group(2)) / 1e6), Long.parseLong(m.group(3)) / 1e3,
                Long.parseLong(m.group(4)) / 1e3);
    }

    private static void interrupt(Process wrk) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(wrk.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("could not interrupt wrk");
        }
    }
}
