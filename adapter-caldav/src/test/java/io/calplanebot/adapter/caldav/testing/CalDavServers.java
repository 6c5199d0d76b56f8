package io.calplanebot.adapter.caldav.testing;

import io.calplanebot.adapter.caldav.AuthType;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts real CalDAV servers (Debian packages) as local processes on a free 127.0.0.1 port, with the
 * project's own scripts from the classpath ({@code caldav-servers/} in this module's test resources and
 * test-jar; extracted to a temp dir once per JVM).
 * <pre>{@code
 * try (CalDavServer server = CalDavServers.startOrSkip(CalDavServerKind.DAVICAL, AuthType.DIGEST)) {
 *     CalDavSettings settings = server.settings(server.baseUrl());
 *     ...
 * }
 * }</pre>
 * {@link #startOrSkip} follows {@link ServersMode}: a server that cannot be started skips the test in
 * {@code auto} mode (naming the Debian packages to install) and fails it in {@code require} mode.
 */
public final class CalDavServers {
    private static final String RESOURCE_DIR = "/caldav-servers/";
    private static final List<String> FILES = List.of(
            "start-radicale.sh", "stop-radicale.sh", "start-xandikos.sh", "stop-xandikos.sh",
            "start-davical.sh", "stop-davical.sh", "davical-router.php", "davical-127.0.0.1-conf.php",
            "start-sabredav.sh", "stop-sabredav.sh", "sabredav-server.php", "start-cyrus.sh", "stop-cyrus.sh",
            "common.sh", "stop-process-group.sh");
    private static final long START_TIMEOUT_SECONDS = 90;
    private static final long STOP_TIMEOUT_SECONDS = 40;
    private static final int PORT_ATTEMPTS = 3;

    private static final Map<String, Runnable> RUNNING = new HashMap<>();
    private static Path scripts;

    private CalDavServers() {
    }

    /** Starts a server, or skips/fails the calling test as {@link ServersMode#current()} says. */
    public static CalDavServer startOrSkip(CalDavServerKind kind, AuthType auth) {
        try {
            return start(kind, auth);
        } catch (ServerUnavailableException e) {
            String message = kind.name().toLowerCase(Locale.ROOT) + " (" + auth + ") is not available: "
                    + e.getMessage() + " [" + ServersMode.PROPERTY + "=" + ServersMode.current().name()
                    .toLowerCase(Locale.ROOT) + "]";
            if (ServersMode.current() == ServersMode.REQUIRE) {
                throw new AssertionError(message, e);
            }
            Assumptions.abort(message);
            throw e; // not reached
        }
    }

    /**
     * Starts a server on a free port.
     *
     * @throws ServerUnavailableException when it is not installed or does not come up
     */
    public static CalDavServer start(CalDavServerKind kind, AuthType auth) {
        if (!kind.supports(auth)) {
            throw new IllegalArgumentException(kind + " does not offer " + auth + " auth here");
        }
        checkInstalled(kind);
        Path dir = scripts();
        String failure = "";
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            Result result = run(dir, "start-" + kind.script() + ".sh", START_TIMEOUT_SECONDS,
                    Integer.toString(port), auth.name().toLowerCase(Locale.ROOT));
            if (result.exitCode == 0) {
                return started(kind, auth, dir, result.stdout);
            }
            failure = "start-" + kind.script() + ".sh exited with " + result.exitCode + ": " + tail(result.stderr);
            if (!result.stderr.contains("already in use")) {
                break;
            }
        }
        throw new ServerUnavailableException(failure);
    }

    private static CalDavServer started(CalDavServerKind kind, AuthType auth, Path dir, String stdout) {
        Map<String, String> values = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        String pid = values.get("PID");
        if (pid == null || !pid.matches("\\d+")) {
            throw new ServerUnavailableException("the start script printed no PID: " + tail(stdout));
        }
        CalDavEndpoint endpoint = new CalDavEndpoint(kind.script(), values.get("BASE_URL"),
                values.get("PRINCIPAL_URL"), values.get("CALENDAR_HOME"), values.get("USER"), values.get("PASSWORD"),
                auth);
        Runnable stop = () -> run(dir, "stop-" + kind.script() + ".sh", STOP_TIMEOUT_SECONDS, pid);
        synchronized (RUNNING) {
            RUNNING.put(pid, stop);
        }
        return new CalDavServer(kind, auth, endpoint, () -> {
            synchronized (RUNNING) {
                RUNNING.remove(pid);
            }
            stop.run();
        });
    }

    /** At JVM exit: stops servers nobody closed, then deletes the scripts. */
    private static void stopAllAndClean(Path dir) {
        List<Runnable> stops;
        synchronized (RUNNING) {
            stops = new ArrayList<>(RUNNING.values());
            RUNNING.clear();
        }
        stops.forEach(Runnable::run);
        deleteQuietly(dir);
    }

    private static void checkInstalled(CalDavServerKind kind) {
        List<String> missing = new ArrayList<>();
        for (String file : kind.requiredFiles()) {
            if (!Files.exists(Path.of(file))) {
                missing.add(file);
            }
        }
        for (String tool : List.of("/usr/bin/curl", "/usr/bin/setsid")) {
            if (!Files.exists(Path.of(tool))) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            throw new ServerUnavailableException("missing " + missing + "; install with: apt-get install"
                    + " --no-install-recommends " + kind.packages() + " (or run .ci/install-caldav-servers.sh as root)");
        }
        if (kind.needsRoot() && !"root".equals(System.getProperty("user.name"))) {
            throw new ServerUnavailableException("its start script must run as root (it runs parts as the"
                    + " postgres or cyrus user)");
        }
    }

    /** Extracts the scripts once per JVM; from a directory or a jar alike. */
    static synchronized Path scripts() {
        if (scripts != null) {
            return scripts;
        }
        try {
            Path dir = Files.createTempDirectory("calplanebot-caldav-servers");
            for (String name : FILES) {
                try (InputStream in = CalDavServers.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new ServerUnavailableException("test resource " + RESOURCE_DIR + name
                                + " is not on the classpath (add the adapter-caldav test-jar)");
                    }
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("state"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAllAndClean(dir), "caldav-servers-cleanup"));
            scripts = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the CalDAV server scripts", e);
        }
    }

    private static Result run(Path dir, String script, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("CALDAV_SERVERS_STATE", dir.resolve("state").toString());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, read(out), "timed out after " + timeoutSeconds + " s; " + read(err));
            }
            Result result = new Result(process.exitValue(), read(out), read(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            return new Result(-1, "", "cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted while running " + script);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 1500 ? trimmed : "…" + trimmed.substring(trimmed.length() - 1500);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit
        }
    }

    private static final class Result {
        private final int exitCode;
        private final String stdout;
        private final String stderr;

        private Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
