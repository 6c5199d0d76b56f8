package io.calplanebot.app.logging;

import io.calplanebot.app.config.LogConfig;
import io.calplanebot.app.config.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LogSetupTest {
    @AfterEach
    void restore() {
        LogSetup.configure(new LogConfig("INFO", LogFormat.TEXT, Path.of("target", "test-logs")), false, false);
    }

    @Test
    void textFormat_writesTheSpecsLineFormatToTheLogFile(@TempDir Path dir) throws IOException {
        LogSetup.configure(new LogConfig("INFO", LogFormat.TEXT, dir), false, true);
        LoggerFactory.getLogger("io.calplanebot.test").info("Webhook received: action=created, issue_id=issue-123");
        LoggerFactory.getLogger("io.calplanebot.test").debug("not at INFO");

        String text = Files.readString(dir.resolve("calplanebot.log"));
        assertThat(text).matches("(?s)INFO \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d - Webhook received: "
                + "action=created, issue_id=issue-123\\R").doesNotContain("not at INFO");
    }

    @Test
    void jsonFormat_writesOneJsonObjectPerLine_andTheLevelChangesAtRuntime(@TempDir Path dir) throws IOException {
        LogSetup.configure(new LogConfig("WARN", LogFormat.JSON, dir), false, true);
        LoggerFactory.getLogger("io.calplanebot.test").info("hidden at WARN");
        LogSetup.setLevel("DEBUG");
        LoggerFactory.getLogger("io.calplanebot.test").debug("Sync started: 15 issues to process");

        String text = Files.readString(dir.resolve("calplanebot.log")).strip();
        assertThat(text.lines()).hasSize(1);
        assertThat(text).startsWith("{").endsWith("}")
                .contains("\"message\":\"Sync started: 15 issues to process\"", "\"level\":\"DEBUG\"");
    }

    private static final String FORGED = "/webhooks/plane\r\nINFO 2026-01-01 00:00:00 - fake\u2028also\u0085fake\u0007";

    @Test
    void textFormat_escapesControlCharactersFromOutside_soOneEventIsOneLine(@TempDir Path dir) throws IOException {
        LogSetup.configure(new LogConfig("INFO", LogFormat.TEXT, dir), false, true);
        LoggerFactory.getLogger("io.calplanebot.test").warn("Rejected {} from {}", "field", FORGED);

        String text = Files.readString(dir.resolve("calplanebot.log"));
        assertThat(text.split("\\R", -1)).hasSize(2);
        assertThat(text.lines()).singleElement().asString()
                .endsWith("- Rejected field from /webhooks/plane\\r\\nINFO 2026-01-01 00:00:00 - fake\\u2028also"
                        + "\\u0085fake\\u0007");
    }

    @Test
    void jsonFormat_escapesControlCharactersFromOutside_soOneEventIsOneLine(@TempDir Path dir) throws IOException {
        LogSetup.configure(new LogConfig("INFO", LogFormat.JSON, dir), false, true);
        LoggerFactory.getLogger("io.calplanebot.test").warn("Rejected {}", FORGED);

        String text = Files.readString(dir.resolve("calplanebot.log"));
        assertThat(text.split("\\R", -1)).hasSize(2);
        assertThat(text).contains("\"message\":\"Rejected /webhooks/plane\\r\\nINFO 2026-01-01 00:00:00 - fake"
                + "\\u2028also\\u0085fake\\u0007\"");
    }
}
