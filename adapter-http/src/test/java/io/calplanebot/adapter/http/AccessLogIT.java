package io.calplanebot.adapter.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log (DEBUG) and the error log must tell what happened without bodies, tokens, signatures or
 * exception messages. Failsafe sends this JVM's log to {@code target/it-http.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogIT {
    private static final String TOKEN = "api-token-never-logged-7f3a";
    private static final String SIGNATURE = "sha256=signature-never-logged-91bc";
    private static final String BODY_MARKER = "body-marker-never-logged-5d2e";
    private static final String EXCEPTION_SECRET = "exception-secret-never-logged-c4d1";

    private final TestApi t = new TestApi(TestApi.ROOMY.withApiToken(TOKEN));

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void accessLines_nameMethodPathRouteAndStatus_butNoSecretsOrBodies() throws IOException {
        t.postJson("/webhooks/plane", "{\"action\":\"created\",\"data\":{\"id\":\"" + BODY_MARKER + "\"}}",
                "X-Plane-Signature", SIGNATURE);
        t.post("/webhooks/sync", new byte[0], "Authorization", "Bearer " + TOKEN);
        t.post("/webhooks/sync", new byte[0], "Authorization", "Bearer wrong-" + TOKEN);
        t.get("/health?token=" + TOKEN);
        t.status.failure = new IllegalStateException(EXCEPTION_SECRET);
        t.get("/webhooks/status");

        String log = "";
        for (int i = 0; i < 100 && !log.contains("GET /webhooks/status route="); i++) {
            sleep(20);
            log = Files.readString(Path.of("target", "it-http.log"), StandardCharsets.UTF_8);
        }

        assertThat(log).contains("POST /webhooks/plane route=/webhooks/plane status=200")
                .contains("POST /webhooks/sync route=/webhooks/sync status=200")
                .contains("POST /webhooks/sync route=/webhooks/sync status=401")
                .contains("GET /health route=/health status=200")
                .contains("java.lang.IllegalStateException (message withheld)");
        assertThat(log).doesNotContain(TOKEN).doesNotContain(SIGNATURE).doesNotContain(BODY_MARKER)
                .doesNotContain(EXCEPTION_SECRET);
    }

    @Test
    void aPathWithEncodedLineBreaks_isLoggedAsSent_onOneAccessLine() throws IOException {
        t.rawExchange("GET /forged%0D%0AINFO%20fake-line-1%E2%80%A8INFO%20fake-line-2%C2%85x HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");

        // The access line is written when the exchange completes, which may be just after the client read it.
        String log = "";
        for (int i = 0; i < 100 && !log.contains("GET /forged"); i++) {
            sleep(20);
            log = Files.readString(Path.of("target", "it-http.log"), StandardCharsets.UTF_8);
        }

        assertThat(log.split("\\R")).noneMatch(line -> line.startsWith("INFO fake-line"));
        assertThat(log.split("\\R")).anySatisfy(line -> assertThat(line).contains("GET /forged")
                .contains("fake-line-1").contains("fake-line-2").contains("route=NOT_FOUND status=404"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
