package io.calplanebot.adapter.http.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conditional GET (RFC 9110 §13): whether a client's {@code If-None-Match} / {@code If-Modified-Since} says its copy
 * is current. {@code If-None-Match} wins when both are sent; entity tags are compared weakly.
 */
public final class Conditional {
    private Conditional() {
    }

    /** The weak entity tag for a version tag, e.g. {@code W/"3f2a"}. */
    public static String weakTag(String versionTag) {
        return "W/\"" + versionTag + "\"";
    }

    /** {@code Last-Modified} / {@code Date} form, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
    }

    /** Whether the client already holds this version, so that a 304 answers it. */
    public static boolean isCurrent(String ifNoneMatch, String ifModifiedSince, String versionTag,
                                    Instant lastModified) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, versionTag);
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean matchesAny(String header, String versionTag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + versionTag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
