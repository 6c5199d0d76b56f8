package io.calplanebot.adapter.caldav;

import java.util.Locale;
import java.util.Map;

/** How the CalDAV server wants credentials. */
public enum AuthType {
    /** HTTP Basic, sent with every request without waiting for a challenge. */
    BASIC,
    /** HTTP Digest (MD5, qop=auth), answering the server's challenge. */
    DIGEST;

    /** Reads {@code basic} or {@code digest}, in any case; anything else is refused, naming {@code authType}. */
    public static AuthType parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (AuthType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        throw new InvalidCalDavSettingsException(Map.of("authType",
                "CalDAV auth type must be basic or digest, was '" + text + "'"));
    }
}
