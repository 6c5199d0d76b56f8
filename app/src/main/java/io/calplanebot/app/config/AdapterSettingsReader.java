package io.calplanebot.app.config;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.caldav.InvalidCalDavSettingsException;
import io.calplanebot.adapter.plane.InvalidPlaneSettingsException;
import io.calplanebot.adapter.plane.PlaneSettings;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the adapters' own settings from the variables. Their checks (URLs, the Plane slug and page size, the auth
 * type) live in the adapters; a refusal names the setting, and each one becomes a problem under its variable.
 */
final class AdapterSettingsReader {
    private static final int MAX_PLANE_RATE_LIMIT = 10_000;
    /** The variable each {@link PlaneSettings} component is read from. */
    private static final Map<String, String> PLANE_VARIABLES = Map.of(
            "baseUrl", "PLANE_BASE_URL",
            "apiKey", "PLANE_API_TOKEN",
            "workspaceSlug", "PLANE_WORKSPACE_SLUG",
            "projects", "PLANE_PROJECTS",
            "perPage", "PLANE_PER_PAGE",
            "rateLimitPerMinute", "PLANE_RATE_LIMIT_PER_MINUTE");
    /** The variable each {@link CalDavSettings} component is read from. */
    private static final Map<String, String> CALDAV_VARIABLES = Map.of(
            "url", "CALDAV_URL",
            "username", "CALDAV_USERNAME",
            "password", "CALDAV_PASSWORD",
            "authType", "CALDAV_AUTH_TYPE");
    /** What a valid value of each of these variables looks like. */
    private static final Map<String, String> EXPECTED = Map.of(
            "PLANE_BASE_URL", "your Plane origin, e.g. https://plane.example.com",
            "PLANE_API_TOKEN", "the API key from Plane: Profile settings > Personal access tokens",
            "PLANE_WORKSPACE_SLUG", "the workspace part of Plane URLs: letters, digits, '-' and '_', e.g. my-team",
            "PLANE_PER_PAGE", "a whole number from 1 to " + PlaneSettings.MAX_PER_PAGE + " (default "
                    + PlaneSettings.DEFAULT_PER_PAGE + ")",
            "CALDAV_URL", "the calendar server URL, e.g. https://dav.example.com/ or a calendar home or calendar URL",
            "CALDAV_USERNAME", "the calendar account's user name",
            "CALDAV_PASSWORD", "the calendar account's password or app password",
            "CALDAV_AUTH_TYPE", "basic or digest");

    private final ConfigValues values;

    AdapterSettingsReader(ConfigValues values) {
        this.values = values;
    }

    /** The Plane client's settings, or null when they are invalid (the problems are collected). */
    PlaneSettings plane() {
        String baseUrl = required("PLANE_BASE_URL");
        Optional<String> token = values.optional("PLANE_API_TOKEN").or(() -> values.optional("PLANE_API_KEY"));
        if (token.isEmpty()) {
            values.problem("PLANE_API_TOKEN", "is not set", EXPECTED.get("PLANE_API_TOKEN"));
        }
        PlaneSettings.Builder builder = PlaneSettings.builder()
                .apiKey(token.orElse(null))
                .workspaceSlug(required("PLANE_WORKSPACE_SLUG"))
                .projects(values.list("PLANE_PROJECTS"))
                .perPage(values.integer("PLANE_PER_PAGE", PlaneSettings.DEFAULT_PER_PAGE,
                        EXPECTED.get("PLANE_PER_PAGE")))
                .rateLimitPerMinute(values.integer("PLANE_RATE_LIMIT_PER_MINUTE",
                        PlaneSettings.DEFAULT_RATE_LIMIT_PER_MINUTE, 1, MAX_PLANE_RATE_LIMIT));
        if (baseUrl != null) {
            step(() -> builder.baseUrl(baseUrl));
        }
        return step(builder::build).orElse(null);
    }

    /**
     * The CalDAV store's settings: empty when no CalDAV server is configured (no {@code CALDAV_*} variable set), null
     * when they are invalid (the problems are collected).
     */
    Optional<CalDavSettings> calDav() {
        if (CALDAV_VARIABLES.values().stream().allMatch(name -> values.optional(name).isEmpty())) {
            return Optional.empty();
        }
        String url = required("CALDAV_URL");
        String user = required("CALDAV_USERNAME");
        String password = required("CALDAV_PASSWORD");
        AuthType auth = values.optional("CALDAV_AUTH_TYPE").flatMap(v -> step(() -> AuthType.parse(v)))
                .orElse(AuthType.BASIC);
        return url == null ? null : step(() -> CalDavSettings.of(url, user, password, auth)).map(Optional::of)
                .orElse(null);
    }

    private String required(String name) {
        return values.required(name, EXPECTED.get(name));
    }

    /**
     * Runs one step that builds or reads adapter settings. A refusal becomes one problem per invalid setting, under
     * its variable, unless that variable already has a problem (e.g. "is not set").
     */
    private <T> Optional<T> step(Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (InvalidPlaneSettingsException e) {
            report(e.reasons(), PLANE_VARIABLES);
        } catch (InvalidCalDavSettingsException e) {
            report(e.reasons(), CALDAV_VARIABLES);
        }
        return Optional.empty();
    }

    private void report(Map<String, String> reasons, Map<String, String> variables) {
        reasons.forEach((setting, reason) -> {
            String variable = variables.getOrDefault(setting, setting);
            if (!values.hasProblem(variable)) {
                values.problem(variable, reason, EXPECTED.getOrDefault(variable, "a valid value"));
            }
        });
    }
}
