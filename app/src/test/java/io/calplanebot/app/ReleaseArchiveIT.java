package io.calplanebot.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The release archive {@code mvn package} builds, unpacked into an empty folder and run from there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseArchiveIT {
    private static final Path ARCHIVE = Path.of("target", "calplanebot-" + Version.current() + ".tar.gz");

    private Path unpacked;

    /** Output (stdout and stderr together) and exit code of one command. */
    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        return run(dir, command, Map.of());
    }

    private static Run run(Path dir, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        builder.environment().put("PATH", javaBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @BeforeAll
    void unpack() throws Exception {
        assertThat(ARCHIVE).as("mvn package builds the release archive").exists();
        Path into = Files.createTempDirectory("release");
        Run tar = run(into, List.of("tar", "-xzf", ARCHIVE.toAbsolutePath().toString()));
        assertThat(tar.exit()).as(tar.output()).isZero();
        unpacked = into.resolve("calplanebot-" + Version.current());
    }

    private Run launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(unpacked.resolve("calplanebot").toString()));
        command.addAll(List.of(args));
        return run(Files.createTempDirectory("release-run"), command, env);
    }

    /** {@code diagnose} against a Plane that cannot be reached: a one-shot command that ends quickly (exit 2). */
    private Run diagnose(Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("DATA_DIR", Files.createTempDirectory("release-data").toString());
        env.put("PLANE_BASE_URL", "http://127.0.0.1:9");
        env.put("PLANE_API_TOKEN", "plane_api_0123456789abcdef0123456789abcdef");
        env.put("PLANE_WORKSPACE_SLUG", "release");
        env.keySet().removeIf(k -> k.startsWith("CALDAV_"));
        Run run = launch(env, "diagnose");
        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Could not reach Plane").doesNotContain("[warning]", "cds", "shared archive");
        return run;
    }

    private List<Path> leftOverArchives() throws IOException {
        try (Stream<Path> files = Files.list(unpacked)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void theArchive_holdsTheJarLauncherExampleConfigurationUnitLicenceAndDocs() throws IOException {
        assertThat(unpacked.resolve("calplanebot")).isExecutable();
        assertThat(unpacked.resolve("calplanebot.jar")).isRegularFile();
        assertThat(unpacked.resolve(".env.example")).hasSameTextualContentAs(Path.of("..", ".env.example"));
        assertThat(unpacked.resolve("LICENSE")).hasSameTextualContentAs(Path.of("..", "LICENSE"));
        assertThat(Files.readString(unpacked.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(unpacked.resolve("README.md")).isRegularFile();
        assertThat(unpacked.resolve("docs").resolve("configuration.md")).isRegularFile();
        assertThat(unpacked.resolve("docs").resolve("operations.md")).isRegularFile();
    }

    @Test
    void theSystemdUnit_runsTheLauncherHardened_andRestartsOnlyOnFailure() throws IOException {
        String unit = Files.readString(unpacked.resolve("calplanebot.service"));

        assertThat(unit).contains("ExecStart=/opt/calplanebot/calplanebot serve", "User=calplanebot",
                "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
                "ReadWritePaths=/var/lib/calplanebot /var/log/calplanebot", "Environment=LOG_DIR=/var/log/calplanebot",
                "Restart=on-failure", "CacheDirectory=calplanebot");
    }

    @Test
    void thePackagedLauncher_printsTheVersion_withTheSystemJava() throws Exception {
        Run version = launch("--version");

        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("CalPlaneBot " + Version.current());
    }

    @Test
    void thePackagedLauncher_printsTheHelp() throws Exception {
        Run help = launch("--help");

        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: calplanebot", "serve", "diagnose");
    }

    @Test
    void aCommandsFirstRun_leavesAClassArchiveBesideTheJar_thatTheNextRunMaps() throws Exception {
        Path archive = unpacked.resolve("calplanebot-diagnose.jsa");
        Files.deleteIfExists(archive);

        diagnose(Map.of());

        assertThat(archive).isRegularFile();
        assertThat(leftOverArchives()).isEmpty();
        Path loaded = Files.createTempFile("classes", ".log");
        diagnose(Map.of("JAVA_OPTS", "-XX:+UseSerialGC -Xlog:class+load:file=" + loaded));
        assertThat(Files.readString(loaded)).contains("io.calplanebot.app.Main source: shared objects file (top)");
    }

    @Test
    void aClassArchiveOlderThanTheJar_isMadeAgain_andNotUsedMeanwhile() throws Exception {
        Path archive = unpacked.resolve("calplanebot-diagnose.jsa");
        if (!Files.exists(archive)) {
            diagnose(Map.of());
        }
        FileTime jarTime = Files.getLastModifiedTime(unpacked.resolve("calplanebot.jar"));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(jarTime.toMillis() - 86_400_000L));
        Path loaded = Files.createTempFile("classes", ".log");

        diagnose(Map.of("JAVA_OPTS", "-XX:+UseSerialGC -Xlog:class+load:file=" + loaded));

        assertThat(Files.readString(loaded)).doesNotContain("shared objects file (top)");
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(jarTime);
        assertThat(leftOverArchives()).isEmpty();
    }

    /** Java refuses to make an archive while an agent (a debugger, a profiler, an APM agent) is loaded. */
    @Test
    void aRunWithAnAgent_runsWithoutMakingAnArchive() throws Exception {
        Path archive = unpacked.resolve("calplanebot-diagnose.jsa");
        Files.deleteIfExists(archive);
        String debugger = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0";

        diagnose(Map.of("JAVA_OPTS", "-XX:+UseSerialGC " + debugger));
        diagnose(Map.of("JAVA_TOOL_OPTIONS", debugger));

        assertThat(archive).doesNotExist();
        assertThat(leftOverArchives()).isEmpty();
    }

    @Test
    void theRarelyRunCommands_neitherMakeNorUseAnArchive() throws Exception {
        Map<String, String> env = Map.of("DATA_DIR", Files.createTempDirectory("release-data").toString(),
                "PUBLIC_URL", "http://calendar.example.test");

        Run feeds = launch(env, "feeds", "list");

        assertThat(feeds.exit()).as(feeds.output()).isZero();
        assertThat(feeds.output()).contains("No feeds yet");
        assertThat(unpacked.resolve("calplanebot-feeds.jsa")).doesNotExist();
    }

    /** The demo's first run makes the service's class archive, with Java as the launcher's child (Ctrl-C passed on). */
    @Test
    void thePackagedLauncher_runsTheDemo_andCtrlCEndsItWithExit0() throws Exception {
        Path archive = unpacked.resolve("calplanebot-demo.jsa");
        Files.deleteIfExists(archive);
        ProcessBuilder builder = new ProcessBuilder(unpacked.resolve("calplanebot").toString(), "demo", "--port", "0")
                .directory(Files.createTempDirectory("release-demo").toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().remove("JAVA_HOME");
        builder.environment().keySet().removeIf(k -> k.startsWith("PLANE_") || k.startsWith("CALDAV_"));
        Process demo = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                demo.getInputStream().transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (output) {
                            output.append((char) b);
                        }
                    }
                });
            } catch (IOException e) {
                synchronized (output) {
                    output.append("(output ended)");
                }
            }
        }, "release-demo-output");
        reader.setDaemon(true);
        reader.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> {
                synchronized (output) {
                    return output.toString().contains("Ctrl-C stops the demo.");
                }
            });
            synchronized (output) {
                assertThat(output.toString()).contains("First sync: success", "/feeds/", "status page");
            }
        } finally {
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
        }
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        synchronized (output) {
            assertThat(demo.exitValue()).as(output.toString()).isZero();
        }
        assertThat(archive).isRegularFile();
        assertThat(leftOverArchives()).isEmpty();
    }
}
