package io.calplanebot.app;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.app.e2e.PlainCalDav;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles the example of docs/embedding.md exactly as written and runs it against the fake Plane and Radicale. */
class EmbeddingExampleIT {

    @Test
    void theDocumentedEmbeddingExample_compilesAndSyncsIssuesIntoACalendar() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "embedding.md"));
        String block = doc.substring(doc.indexOf("<!-- example:start -->"), doc.indexOf("<!-- example:end -->"));
        String source = block.substring(block.indexOf("```java") + "```java".length(), block.lastIndexOf("```"));
        Path dir = Files.createTempDirectory("embedding-example");
        Path file = dir.resolve("EmbeddedSync.java");
        Files.writeString(file, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = compiler.run(null, diagnostics, diagnostics, "-classpath",
                System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        try (CalDavServer server = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
             FakePlane plane = FakePlane.start("embedded")) {
            String project = plane.addProject("EMB", "Embedded");
            String issue = plane.addIssue(project, d -> d.name("From a library").targetDate(LocalDate.of(2027, 3, 1)));
            plane.addIssue(project, d -> d.name("No date"));

            String output = run(dir, plane.baseUrl(), plane.apiKey(), plane.workspaceSlug(), server.baseUrl(),
                    server.user(), server.password());

            assertThat(output).contains("Sync SUCCESS: 1 created, 0 updated, 0 deleted");
            String home = server.calendarHomeUrl();
            String eventUrl = home + (home.endsWith("/") ? "" : "/") + "plane-" + project + "/plane-issue-" + issue + ".ics";
            try (PlainCalDav dav = new PlainCalDav(home, server.user(), server.password())) {
                assertThat(dav.get(eventUrl).body().replace("\r\n ", "")).contains("SUMMARY:[1] From a library", "DTSTART;VALUE=DATE:20270301");
            }
        }
    }

    private static String run(Path classes, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                EmbeddingExampleIT.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("EmbeddedSync").getMethod("main", String[].class).invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
