package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real feed subscriber run as a process: vdirsyncer (Debian package {@code vdirsyncer}). When it is not
 * installed the test is skipped with a message, unless {@code -Dcalplanebot.servers=require} or
 * {@code CALPLANEBOT_SERVERS=require} says a missing tool must fail the build (CI).
 */
final class Subscriber {
    private static final String PROPERTY = "calplanebot.servers";
    private static final String ENVIRONMENT = "CALPLANEBOT_SERVERS";

    private Subscriber() {
    }

    /** The vdirsyncer executable; skips (or fails, when required) the test when there is none. */
    static Path vdirsyncer() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, "vdirsyncer");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "vdirsyncer is not installed (Debian package vdirsyncer; .ci/install-test-tools.sh)";
        if (required()) {
            throw new AssertionError(message + " and " + PROPERTY + "=require");
        }
        Assumptions.abort(message + ": skipping the subscriber test");
        throw new AssertionError("unreachable");
    }

    static boolean required() {
        return "require".equals(lower(System.getProperty(PROPERTY))) || "require".equals(lower(System.getenv(ENVIRONMENT)));
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    /** Runs a command with stdin closed (no prompt can wait), 60 s at most; the exit code and all it printed. */
    static Outcome run(Path workDir, String... command) {
        try {
            Path output = Files.createTempFile(workDir, "out", ".txt");
            Process process = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a finished process left: its exit code and its output. */
    record Outcome(int exitCode, String output) {
        List<String> lines() {
            return new ArrayList<>(List.of(output.split("\n")));
        }
    }
}
