package io.calplanebot.app.e2e;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code calplanebot demo} from the runnable jar, as a person runs it: it mirrors the sample workspace, prints where
 * to look, keeps changing the workspace through signed webhooks that the service applies, and Ctrl-C ends it with
 * exit code 0. Nothing is configured: the built-in store is the only target, and its feed shows the changes.
 */
class DemoCommandIT {
    private static final Path JAR = Path.of("target", "calplanebot.jar");
    private static final Pattern STATUS_PAGE = Pattern.compile("status page\\s+(http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern RENAMED = Pattern.compile("renamed to \"([^\"]+)\" \\(webhook: HTTP 200\\)");
    private static final Pattern FEED = Pattern.compile("^\\s+(http://\\S+/feeds/\\S+\\.ics)$");
    private static final Pattern DATA_DIR = Pattern.compile("Data directory: (\\S+) \\(removed at exit");

    private final List<String> output = new CopyOnWriteArrayList<>();

    @Test
    void demo_withNothingConfigured_mirrorsTheSample_servesItsFeed_movesEverySecond_andStopsOnCtrlCWithExit0()
            throws Exception {
        Process demo = start();
        try {
            String statusPage = awaitMatch(STATUS_PAGE, Duration.ofSeconds(120)).group(1);
            String feed = awaitMatch(FEED, Duration.ofSeconds(10)).group(1);
            awaitMatch(Pattern.compile("Ctrl-C stops the demo\\."), Duration.ofSeconds(10));
            assertThat(String.join("\n", output))
                    .contains("First sync: success, 19 issues with a due date in 3 projects; 19 events created")
                    .contains("API docs      " + statusPage + "docs")
                    .contains("Subscribe in a calendar app:", "webcal://")
                    .contains("Ctrl-C stops the demo.");

            String page = browse(statusPage);
            assertThat(page).contains("<span id=\"sync-state\"", "Website relaunch", "Mobile app 2.0",
                    "Operations", "<td>builtin</td>", "demo");

            String renamed = awaitMatch(RENAMED, Duration.ofSeconds(30)).group(1);
            assertThat(awaitInFeed(feed, "] " + renamed, Duration.ofSeconds(30)))
                    .as("the renamed issue's event in the feed").isTrue();
            assertThat(output).anySatisfy(line -> assertThat(line).contains("due date moved"));
        } finally {
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
        }

        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo stops after Ctrl-C").isTrue();
        String all = String.join("\n", output);
        assertThat(demo.exitValue()).as(all).isZero();
        assertThat(all).contains("CalPlaneBot demo stopped.");
        Matcher data = DATA_DIR.matcher(all);
        assertThat(data.find()).isTrue();
        assertThat(Path.of(data.group(1))).as("the temporary data directory is removed").doesNotExist();
    }

    private static boolean awaitInFeed(String feed, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(feed))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().replace("\r\n ", "").contains(text)) {
                return true;
            }
            Thread.sleep(300);
        }
        return false;
    }

    private Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "demo", "--every", "1", "--port", "0")
                .directory(Files.createTempDirectory("demo-run").toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PLANE_") || k.startsWith("CALDAV_"));
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println("demo| " + line);
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private Matcher awaitMatch(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + ":\n"
                + String.join("\n", output));
    }

    private static String browse(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        return response.body();
    }

}
