package io.calplanebot.adapter.state.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests, from the Debian {@code postgresql} package's binaries: {@code initdb}
 * into a temp dir, {@code pg_ctl start} on a free port of 127.0.0.1 (as user {@code postgres} when the tests run as
 * root, which PostgreSQL refuses), trust authentication. Without the binaries the tests are skipped, or fail when
 * {@code calplanebot.servers=require} (CI).
 */
public final class PostgresCluster implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Starts a cluster, or skips (fails in require mode) the calling test when PostgreSQL is not installed. */
    public static PostgresCluster start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String message = "PostgreSQL server binaries not found (apt-get install postgresql)";
            if (required()) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("calplanebot-pg");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            run(List.of("chmod", "755", dir.toString()), false);
        }
        int port = freePort();
        PostgresCluster cluster = new PostgresCluster(bin.get(), dir, port, root);
        cluster.pg("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                "--locale=C.UTF-8", "--no-sync");
        cluster.pg("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-s",
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
        return cluster;
    }

    /** A new, empty database in the cluster; its JDBC URL (user {@code postgres}, no password). */
    public String newDatabase() throws SQLException {
        String name = "state_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** The same database as a {@code postgres://} URL, as a user writes {@code DATABASE_URL}. */
    public String databaseUrl(String jdbcUrl) {
        return jdbcUrl.replace("jdbc:postgresql://", "postgres://postgres@").replace("?user=postgres", "");
    }

    public int port() {
        return port;
    }

    /** Stops the cluster at once (as a crash would) and deletes its files. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "-s", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command, true);
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Optional<Path> binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
                                Comparator.comparingInt(v -> v.matches("\\d+") ? Integer.parseInt(v) : 0)));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))
                    && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
                return Optional.of(Path.of(entry));
            }
        }
        return Optional.empty();
    }

    private static boolean required() {
        String property = System.getProperty("calplanebot.servers", "");
        String environment = System.getenv().getOrDefault("CALPLANEBOT_SERVERS", "");
        return "require".equals(property.strip().toLowerCase(Locale.ROOT))
                || "require".equals(environment.strip().toLowerCase(Locale.ROOT));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
