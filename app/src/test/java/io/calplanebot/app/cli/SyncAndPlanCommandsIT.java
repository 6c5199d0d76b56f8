package io.calplanebot.app.cli;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.app.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sync} and {@code plan} as a person runs them, against the fake Plane and a real Radicale. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncAndPlanCommandsIT {
    private CalDavServer server;
    private FakePlane plane;
    private ConfigLoader loader;
    private String mobile;

    /** What one command printed and returned. */
    private record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    void start() throws IOException {
        server = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
        plane = FakePlane.start("cli-team");
        mobile = plane.addProject("MOB", "Mobile");
        plane.addProject("WEB", "Website");
        loader = new ConfigLoader(Map.of("PLANE_BASE_URL", plane.baseUrl(), "PLANE_API_TOKEN", plane.apiKey(),
                "PLANE_WORKSPACE_SLUG", plane.workspaceSlug(), "CALDAV_URL", server.baseUrl(),
                "CALDAV_USERNAME", server.user(), "CALDAV_PASSWORD", server.password(),
                "LOG_DIR", Files.createTempDirectory("cli-logs").toString(),
                "DATA_DIR", Files.createTempDirectory("cli-data").toString()), Optional.empty());
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

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(loader, Clock.systemUTC()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void plan_showsEachEventsDay_andNamesCalendarsTheSameWayInRowsAndSummary() {
        String shipped = plane.addIssue(mobile, d -> d.name("Ship it").targetDate(LocalDate.of(2027, 5, 3)));
        assertThat(run("sync", "-p", "MOB").exit()).isZero();
        plane.setTargetDate(shipped, LocalDate.of(2027, 5, 7));
        plane.addIssue(mobile, d -> d.name("Release notes").targetDate(LocalDate.of(2027, 5, 9)));

        Result plan = run("plan", "-p", "MOB");

        assertThat(plan.exit()).as(plan.all()).isZero();
        assertThat(plan.out()).containsPattern("update +2027-05-07 +\\[1] Ship it +Plane: Mobile")
                .containsPattern("create +2027-05-09 +\\[2] Release notes +Plane: Mobile")
                .containsPattern("MOB +Mobile +Plane: Mobile +")
                .doesNotContain(server.baseUrl());
    }

    @Test
    void plan_ofAProjectWithoutACalendarYet_marksItsCalendarNewEverywhere() {
        String web = plane.addProject("NEWP", "Fresh");
        plane.addIssue(web, d -> d.name("First").targetDate(LocalDate.of(2027, 6, 1)));

        Result plan = run("plan", "-p", "newp");

        assertThat(plan.exit()).as(plan.all()).isZero();
        assertThat(plan.out()).containsPattern("create +2027-06-01 +\\[1] First +Plane: Fresh \\(new\\)")
                .containsPattern("NEWP +Fresh +Plane: Fresh \\(new\\)");
    }

    @Test
    void syncAndPlan_ofAnUnknownProject_areUsageErrorsListingTheProjects() {
        for (String command : new String[] {"sync", "plan"}) {
            Result result = run(command, "-p", "NOPE");

            assertThat(result.exit()).as(result.all()).isEqualTo(64);
            assertThat(result.err()).contains("Unknown project NOPE", "MOB (Mobile)", "WEB (Website)");
            assertThat(result.out()).doesNotContain("RESULT");
        }
    }
}
