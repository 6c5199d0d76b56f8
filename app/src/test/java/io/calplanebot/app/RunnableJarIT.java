package io.calplanebot.app;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.sample.FakePlane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shaded jar, run as a user runs it: {@code java -jar calplanebot.jar …} in a fresh JVM. */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "calplanebot.jar");

    /** Output (stdout and stderr together) and exit code of one run. */
    private record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PLANE_") || k.startsWith("CALDAV_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A valid configuration for {@code serve} on 127.0.0.1:{@code port}, without periodic sync; no peer answers. */
    private static Map<String, String> serving(int port) {
        return Map.of("PLANE_BASE_URL", "http://127.0.0.1:9", "PLANE_API_TOKEN", "k", "PLANE_WORKSPACE_SLUG", "w",
                "CALDAV_URL", "http://127.0.0.1:9/", "CALDAV_USERNAME", "u", "CALDAV_PASSWORD", "p",
                "HOST", "127.0.0.1", "PORT", String.valueOf(port), "ENABLE_SYNC", "false");
    }

    @Test
    void version_printsTheProductVersion() throws Exception {
        Run run = run(Map.of(), Files.createTempDirectory("jar"), "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("CalPlaneBot 0.1.0-SNAPSHOT");
    }

    @Test
    void theLauncherScript_runsTheBuiltJar() throws Exception {
        Path launcher = Path.of("..", "calplanebot").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("CalPlaneBot 0.1.0-SNAPSHOT");
    }

    @Test
    void serve_onAPortInUse_saysSoAndExitsWith2() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run(serving(taken.getLocalPort()), Files.createTempDirectory("jar"), "serve");
            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).contains("could not start on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void serve_stopsCleanlyOnSigterm_withExitCode0() throws Exception {
        Path dir = Files.createTempDirectory("jar-serve");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "serve");
        Path log = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PLANE_") || k.startsWith("CALDAV_"));
        builder.environment().putAll(serving(0));
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(log).contains("listening on") || !process.isAlive());
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("CalPlaneBot stopped");
    }

    @Test
    void serve_withAPostgresThatDoesNotAnswer_saysSo_withoutThePassword_andExitsWith2() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(serving(0));
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        env.put("DATABASE_URL", "postgres://bot:pg-s3cret@127.0.0.1:" + closed + "/calplanebot");

        Run run = run(env, Files.createTempDirectory("jar-db"), "serve");

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("could not open its state store").contains("DATABASE_URL")
                .doesNotContain("pg-s3cret").doesNotContain("listening on");
    }

    @Test
    void serve_withTheExampleFileCopiedUnedited_namesEveryPlaceholderAndExitsWith78() throws Exception {
        Path dir = Files.createTempDirectory("jar-example");
        Files.copy(Path.of("..", ".env.example"), dir.resolve(".env"));

        Run run = run(Map.of(), dir, "serve");

        assertThat(run.exit()).as(run.output()).isEqualTo(78);
        assertThat(run.output()).contains("PLANE_BASE_URL", "PLANE_API_TOKEN", "PLANE_WORKSPACE_SLUG", "placeholder")
                .doesNotContain("listening on");
    }

    @Test
    void anInvalidConfiguration_namesEveryProblemAndExitsWith78() throws Exception {
        Run run = run(Map.of("CALDAV_AUTH_TYPE", "kerberos", "PORT", "99999"), Files.createTempDirectory("jar"),
                "serve");
        assertThat(run.exit()).isEqualTo(78);
        assertThat(run.output()).contains("PLANE_BASE_URL", "PLANE_API_TOKEN", "CALDAV_URL", "CALDAV_AUTH_TYPE", "PORT");
    }

    @Test
    void diagnoseAndSync_workFromTheJarWithADotEnvFile() throws Exception {
        try (CalDavServer server = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
             FakePlane plane = FakePlane.start("jar-team")) {
            String project = plane.addProject("JAR", "Jar project");
            plane.addIssue(project, d -> d.name("Packaged").targetDate(LocalDate.of(2027, 4, 1)));
            Path dir = Files.createTempDirectory("jar-run");
            Files.writeString(dir.resolve(".env"), String.join("\n",
                    "PLANE_BASE_URL=" + plane.baseUrl(),
                    "PLANE_API_TOKEN=" + plane.apiKey(),
                    "PLANE_WORKSPACE_SLUG=" + plane.workspaceSlug(),
                    "CALDAV_URL=" + server.baseUrl(),
                    "CALDAV_USERNAME=" + server.user(),
                    "CALDAV_PASSWORD=" + server.password(), ""));

            Run diagnose = run(Map.of(), dir, "diagnose");
            System.out.println("---- calplanebot diagnose (exit " + diagnose.exit() + ")\n" + diagnose.output());
            assertThat(diagnose.exit()).as(diagnose.output()).isZero();
            assertThat(diagnose.output()).contains("All checks passed").doesNotContain(plane.apiKey());

            Run sync = run(Map.of(), dir, "sync");
            System.out.println("---- calplanebot sync (exit " + sync.exit() + ")\n" + sync.output());
            assertThat(sync.exit()).as(sync.output()).isZero();
            assertThat(sync.output()).contains("created", "[1] Packaged", "success");
            assertThat(dir.resolve("logs").resolve("calplanebot.log")).exists();
        }
    }
}
