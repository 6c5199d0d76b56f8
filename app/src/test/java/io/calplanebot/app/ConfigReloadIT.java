package io.calplanebot.app;

import io.calplanebot.sample.FakePlane;
import io.calplanebot.app.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing .env while the service runs: valid edits apply without a restart, invalid ones leave the settings alone. */
class ConfigReloadIT {
    private FakePlane plane;
    private CalPlaneBotService service;
    private Path env;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        plane = FakePlane.start("reload");
        env = Files.createTempDirectory("reload").resolve(".env");
        write("first-token", "100");
        ConfigLoader loader = new ConfigLoader(Map.of(), Optional.of(env));
        service = CalPlaneBotService.start(loader.load(), loader, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        service.close();
        plane.close();
    }

    private void write(String apiToken, String webhookLimit) throws IOException {
        Files.writeString(env, String.join("\n",
                "PLANE_BASE_URL=" + plane.baseUrl(),
                "PLANE_API_TOKEN=" + plane.apiKey(),
                "PLANE_WORKSPACE_SLUG=" + plane.workspaceSlug(),
                "CALDAV_URL=http://127.0.0.1:9/",
                "CALDAV_USERNAME=nobody",
                "CALDAV_PASSWORD=nothing",
                "ENABLE_SYNC=false",
                "HOST=127.0.0.1",
                "PORT=0",
                "LOG_DIR=" + env.getParent().resolve("logs"),
                "DATA_DIR=" + env.getParent().resolve("data"),
                "API_TOKEN=" + apiToken,
                "WEBHOOK_RATE_LIMIT_PER_MINUTE=" + webhookLimit, ""));
    }

    private HttpResponse<String> trigger(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/sync"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webhook() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/plane"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"cycle\",\"action\":\"created\","
                        + "\"webhook_id\":\"w\",\"workspace_id\":\"x\",\"data\":{\"id\":\"c\"},\"activity\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidEdit_appliesWithoutARestart() throws Exception {
        assertThat(trigger("second-token").statusCode()).isEqualTo(401);
        assertThat(webhook().headers().firstValue("X-RateLimit-Limit")).contains("100");

        write("second-token", "7");
        service.checkConfiguration();

        assertThat(trigger("first-token").statusCode()).isEqualTo(401);
        assertThat(trigger("second-token").statusCode()).isIn(200, 409);
        assertThat(webhook().headers().firstValue("X-RateLimit-Limit")).contains("7");
    }

    @Test
    void anInvalidEdit_isIgnoredAndTheRunningSettingsStay() throws Exception {
        Files.writeString(env, Files.readString(env).replace("API_TOKEN=first-token", "API_TOKEN=other")
                .replace("WEBHOOK_RATE_LIMIT_PER_MINUTE=100", "WEBHOOK_RATE_LIMIT_PER_MINUTE=lots"));
        service.checkConfiguration();

        assertThat(trigger("other").statusCode()).isEqualTo(401);
        assertThat(trigger("first-token").statusCode()).isIn(200, 409);
        assertThat(webhook().headers().firstValue("X-RateLimit-Limit")).contains("100");
    }
}
