package io.calplanebot.adapter.http.support;

import java.util.Locale;

/**
 * Content negotiation between JSON (the API's answer) and HTML (the page for people), after RFC 9110 section
 * 12.5.1: each type gets the quality of the most specific media range that matches it; HTML wins only when its
 * quality is strictly higher, so {@code *}{@code /*}, a missing header and ties keep JSON.
 */
public final class AcceptHeader {
    private AcceptHeader() {
    }

    /** Whether a client sending {@code accept} (may be null) prefers {@code text/html} to {@code application/json}. */
    public static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        return quality(accept, "text", "html") > quality(accept, "application", "json");
    }

    /** The quality the header gives {@code type/subtype}: from the most specific matching range, 0 when none. */
    static double quality(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String[] media = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (media.length != 2) {
                continue;
            }
            int specificity;
            if (media[0].equals(type) && media[1].equals(subtype)) {
                specificity = 2;
            } else if (media[0].equals(type) && media[1].equals("*")) {
                specificity = 1;
            } else if (media[0].equals("*") && media[1].equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = q(parts);
            }
        }
        return quality;
    }

    private static double q(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                try {
                    double value = Double.parseDouble(parameter.substring(2).trim());
                    return value >= 0 && value <= 1 ? value : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
