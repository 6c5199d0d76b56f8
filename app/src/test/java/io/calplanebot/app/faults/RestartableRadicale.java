package io.calplanebot.app.faults;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Radicale on a fixed port and storage folder, which a test can stop (SIGKILL, as a crash) and start again
 * with everything it stored: a CalDAV server that goes away in the middle of a sync and comes back.
 */
final class RestartableRadicale implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private RestartableRadicale(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static RestartableRadicale start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/radicale")) && !Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/radicale"))) {
            String message = "Radicale is not installed (apt-get install radicale)";
            String mode = System.getProperty("calplanebot.servers", "") + System.getenv().getOrDefault("CALPLANEBOT_SERVERS", "");
            if (mode.toLowerCase(Locale.ROOT).contains("require")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("users"), "test:test\n");
        Files.writeString(dir.resolve("config"), "[server]\nhosts = 127.0.0.1:" + port + "\n"
                + "[auth]\ntype = htpasswd\nhtpasswd_filename = " + dir.resolve("users") + "\nhtpasswd_encryption = plain\n"
                + "delay = 0\n[rights]\ntype = owner_only\n[storage]\nfilesystem_folder = " + dir.resolve("collections")
                + "\n[web]\ntype = none\n[logging]\nlevel = warning\n");
        RestartableRadicale radicale = new RestartableRadicale(dir, port);
        radicale.startAgain();
        return radicale;
    }

    /** Starts the server (again) on the same port with the same storage, and waits until it answers. */
    void startAgain() throws IOException, InterruptedException {
        process = new ProcessBuilder("/usr/bin/python3", "-m", "radicale", "-C", dir.resolve("config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (answers()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("radicale exited: " + Files.readString(dir.resolve("server.log")));
            }
            Thread.sleep(50);
        }
        throw new IOException("radicale did not answer within 20 s");
    }

    /** SIGKILL: the server is gone at once; connections are refused until {@link #startAgain}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + ".well-known/caldav").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    String calendarHome() {
        return baseUrl() + "test/";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
