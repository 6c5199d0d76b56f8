package io.calplanebot.app.cli;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.CalDavCalendarStore;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.core.domain.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diagnose} against the fake Plane, a real Radicale and a closed port: quick answers and fitting hints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnoseCommandIT {
    private CalDavServer server;
    private FakePlane plane;

    /** What one run printed and returned, and how long it took. */
    private record Result(int exit, String out, Duration took) {
    }

    @BeforeAll
    void start() {
        server = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
        plane = FakePlane.start("diagnose-team");
    }

    @AfterAll
    void stop() {
        if (plane != null) {
            plane.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", plane.baseUrl());
        env.put("PLANE_API_TOKEN", plane.apiKey());
        env.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        env.put("CALDAV_URL", server.baseUrl());
        env.put("CALDAV_USERNAME", server.user());
        env.put("CALDAV_PASSWORD", server.password());
        env.put("LOG_DIR", Files.createTempDirectory("diagnose-logs").toString());
        return env;
    }

    private static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        long start = System.nanoTime();
        int exit = Cli.commandLine(new ConfigLoader(env, Optional.empty()), Clock.systemUTC())
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        return new Result(exit, out.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void diagnose_answersWithinFiveSeconds_whenNeitherPeerCanBeReached() throws IOException {
        Map<String, String> env = environment();
        env.put("PLANE_BASE_URL", "http://127.0.0.1:" + closedPort());
        env.put("CALDAV_URL", "http://127.0.0.1:" + closedPort() + "/");

        Result result = run(env, "diagnose");

        assertThat(result.exit()).as(result.out()).isEqualTo(2);
        assertThat(result.took()).as(result.out()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.out()).contains("check PLANE_BASE_URL and that Plane can be reached",
                "check CALDAV_URL and that the server can be reached");
    }

    @Test
    void diagnose_withAWrongWorkspaceSlug_pointsAtTheSlug() throws IOException {
        Map<String, String> env = environment();
        env.put("PLANE_WORKSPACE_SLUG", "no-such-team");

        Result result = run(env, "diagnose");

        assertThat(result.exit()).as(result.out()).isEqualTo(2);
        assertThat(result.out()).contains("-> check PLANE_WORKSPACE_SLUG: it is the first path segment")
                .doesNotContain("member of the project");
    }

    @Test
    void diagnose_withTheCalendarPathOfAnotherUser_saysCaldavUrlLeadsSomewhereForbidden() throws IOException {
        Map<String, String> env = environment();
        env.put("CALDAV_URL", server.rootUrl() + "someone-else/");

        Result result = run(env, "diagnose");

        assertThat(result.exit()).as(result.out()).isEqualTo(2);
        assertThat(result.out()).contains("-> CALDAV_URL leads to a place this account may not read")
                .doesNotContain("may not create calendars");
    }

    @Test
    void diagnose_leavesNoCalendarBehind_andKeepsOneThatWasThereBefore() throws IOException {
        String id = plane.addProject("DIA", "Diagnosed");
        plane.addIssue(id, d -> d.name("Checked").targetDate(LocalDate.of(2027, 2, 2)));
        Map<String, String> env = environment();
        env.put("PLANE_PROJECTS", "DIA");
        Project project = new Project(id, "DIA", "Diagnosed");

        Result first = run(env, "diagnose");

        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("All checks passed", "write access");
        try (CalDavCalendarStore store = CalDavCalendarStore.builder(server.settings(server.baseUrl())).build()) {
            assertThat(store.findCalendar(project)).as(first.out()).isEmpty();

            assertThat(run(env, "sync").exit()).isZero();
            Result second = run(env, "diagnose");

            assertThat(second.exit()).as(second.out()).isZero();
            assertThat(store.findCalendar(project)).isPresent();
            assertThat(store.listOwnedEvents(store.findCalendar(project).orElseThrow())).hasSize(1);
        }
    }
}
