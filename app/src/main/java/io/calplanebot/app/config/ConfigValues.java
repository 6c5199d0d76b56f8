package io.calplanebot.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The raw variables of one load, read as typed values; every problem is collected instead of thrown. */
final class ConfigValues {
    private final Map<String, String> values;
    private final List<ConfigProblem> problems;

    ConfigValues(Map<String, String> values, List<ConfigProblem> problems) {
        this.values = values;
        this.problems = problems;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(String variable, String problem, String expected) {
        problems.add(new ConfigProblem(variable, problem, expected));
    }

    boolean hasProblem(String variable) {
        return problems.stream().anyMatch(p -> p.variable().equals(variable));
    }

    /** The stripped value; a blank one counts as not set. */
    Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value, or null with the problem "is not set". */
    String required(String name, String expected) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            problem(name, "is not set", expected);
            return null;
        }
        return value.get();
    }

    URI url(String name, String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(name, "'" + raw + "' is not an http(s) URL", "a URL such as https://host.example.com");
        return null;
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, "'" + raw.get() + "' is out of range or not a number",
                "a whole number from " + min + " to " + max + " (default " + fallback + ")");
        return fallback;
    }

    /** A whole number whose range someone else (an adapter's settings) checks. */
    int integer(String name, int fallback, String expected) {
        Optional<String> raw = optional(name);
        try {
            return raw.isEmpty() ? fallback : Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            problem(name, "'" + raw.get() + "' is not a whole number", expected);
            return fallback;
        }
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                problem(name, "'" + raw.get() + "' is not a boolean", "true or false (default " + fallback + ")");
                return fallback;
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback, String expected) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(name, "'" + raw.get() + "' is not allowed", expected);
            return fallback;
        }
    }

    /** Comma-separated items, stripped, blank ones dropped. */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        optional(name).ifPresent(v -> {
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        });
        return items;
    }
}
