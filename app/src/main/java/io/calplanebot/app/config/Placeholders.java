package io.calplanebot.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises values that only stand in for a real one, such as those {@code .env.example} ships: hosts under the
 * reserved {@code example.com}, {@code example.org} and {@code example.net} domains, {@code your-…} words,
 * {@code changeme}, runs of {@code xxxxxx} and {@code <…>}. A copy of the example file left unedited therefore
 * cannot start the service against addresses that do not exist.
 */
final class Placeholders {
    /** The variables that hold the user's own addresses, names and secrets. */
    static final List<String> VARIABLES = List.of("PLANE_BASE_URL", "PLANE_API_TOKEN", "PLANE_API_KEY",
            "PLANE_WORKSPACE_SLUG", "PLANE_WEB_URL", "PLANE_WEBHOOK_SECRET", "CALDAV_URL", "CALDAV_USERNAME",
            "CALDAV_PASSWORD", "API_TOKEN", "DATABASE_URL");
    private static final Pattern WORD = Pattern.compile(
            "your[-_ .].*|<.*>|change[-_ ]?me|replace[-_ ]?me|placeholder");
    private static final Pattern RUN_OF_X = Pattern.compile("x{6,}");
    private static final Pattern EXAMPLE_DOMAIN = Pattern.compile("(.+\\.)?example\\.(com|org|net)");

    private Placeholders() {
    }

    /** Adds a problem for every variable in {@link #VARIABLES} that holds a placeholder. */
    static void check(ConfigValues values) {
        for (String name : VARIABLES) {
            values.optional(name).filter(Placeholders::isPlaceholder).ifPresent(v -> values.problem(name,
                    "still holds a placeholder (as in .env.example), not a real value", "your own value"));
        }
    }

    static boolean isPlaceholder(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        return WORD.matcher(text).matches() || RUN_OF_X.matcher(text).find() || hostOf(text).map(host ->
                EXAMPLE_DOMAIN.matcher(host).matches() || WORD.matcher(host).matches()).orElse(false);
    }

    /** The host of a URL, or the domain of an e-mail address. */
    private static Optional<String> hostOf(String text) {
        if (text.contains("://")) {
            try {
                return Optional.ofNullable(new URI(text).getHost());
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
        int at = text.lastIndexOf('@');
        return at >= 0 ? Optional.of(text.substring(at + 1)) : Optional.empty();
    }
}
