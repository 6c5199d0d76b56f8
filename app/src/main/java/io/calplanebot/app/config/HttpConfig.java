package io.calplanebot.app.config;

import java.util.Optional;

/** The HTTP API. Host and port need a restart; the rest reloads. */
public record HttpConfig(
        String host,
        int port,
        Optional<Secret> apiToken,
        boolean trustProxy,
        int webhookLimitPerMinute,
        int syncTriggerLimitPerHour) {
}
