package io.calplanebot.adapter.caldav.testing;

import java.util.Locale;

/**
 * What a test does when a real server cannot be started. Set with the system property
 * {@code calplanebot.servers} (Maven passes its property of that name to surefire and failsafe) or the
 * environment variable {@code CALPLANEBOT_SERVERS}. When either says {@code require}, require wins.
 */
public enum ServersMode {
    /** Skip the tests (a JUnit assumption) with a message naming what to install. The default. */
    AUTO,
    /** Fail the tests: CI, where the servers are installed, uses this. */
    REQUIRE;

    public static final String PROPERTY = "calplanebot.servers";
    public static final String ENVIRONMENT = "CALPLANEBOT_SERVERS";

    public static ServersMode current() {
        ServersMode fromProperty = parse(System.getProperty(PROPERTY), "system property " + PROPERTY);
        ServersMode fromEnvironment = parse(System.getenv(ENVIRONMENT), "environment variable " + ENVIRONMENT);
        return fromProperty == REQUIRE || fromEnvironment == REQUIRE ? REQUIRE : AUTO;
    }

    private static ServersMode parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "require":
                return REQUIRE;
            default:
                throw new IllegalArgumentException(source + " must be auto or require, was '" + value + "'");
        }
    }
}
