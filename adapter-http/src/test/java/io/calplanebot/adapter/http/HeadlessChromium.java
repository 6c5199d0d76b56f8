package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} run headless with {@code --dump-dom}: the DOM after the page loaded, and what the
 * browser logged (its console messages are {@code CONSOLE} lines). When chromium is missing, the test is skipped
 * with a message, unless {@code -Dcalplanebot.servers=require} or {@code CALPLANEBOT_SERVERS=require} asks for
 * every real tool (as CI does), in which case it fails.
 */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The installed chromium; skips or fails the test when there is none. */
    static HeadlessChromium require() {
        Optional<Path> found = find();
        String message = "chromium is not installed (apt-get install chromium, or bash .ci/install-test-tools.sh)";
        if (found.isEmpty()) {
            if (required()) {
                throw new IllegalStateException(message + "; calplanebot.servers=require asks for it");
            }
            Assumptions.abort(message + "; skipping the browser check");
        }
        return new HeadlessChromium(found.get());
    }

    /** Loads {@code url} and returns the DOM after load and the browser's log. */
    Rendered dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("calplanebot-chromium");
        Path err = Files.createTempFile("calplanebot-chromium", ".log");
        try {
            Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--enable-logging=stderr", "--v=0", "--dump-dom", url)
                    .redirectError(err.toFile()).start();
            process.getOutputStream().close();
            byte[] dom = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 60 s");
            }
            return new Rendered(process.exitValue(), new String(dom, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
            deleteTree(profile);
        }
    }

    /** What chromium printed: its exit code, the DOM and its log. */
    record Rendered(int exitCode, String dom, String log) {
        /** Log lines that are console messages or uncaught errors of the page. */
        List<String> consoleErrors() {
            return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
        }
    }

    private static boolean required() {
        return "require".equals(lower(System.getProperty("calplanebot.servers")))
                || "require".equals(lower(System.getenv("CALPLANEBOT_SERVERS")));
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
