package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach the CalDAV account.
 *
 * @param url            whatever the user pasted: the server root, {@code /.well-known/caldav}, a principal URL,
 *                       the calendar home, or one calendar (then every project goes into that calendar)
 * @param username       the account's user name
 * @param password       the account's password; never shown by {@link #toString()}
 * @param authType       Basic (sent preemptively) or Digest
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout    how long to wait for data once connected
 * @param clock          the clock for DTSTAMP and LAST-MODIFIED
 * @throws InvalidCalDavSettingsException naming every invalid setting
 */
public record CalDavSettings(URI url, String username, String password, AuthType authType, Duration connectTimeout,
                             Duration readTimeout, Clock clock) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public CalDavSettings {
        Map<String, String> invalid = new LinkedHashMap<>();
        checkUrl(url, invalid);
        if (username == null || username.isBlank()) {
            invalid.put("username", "CalDAV user name must not be blank");
        }
        if (password == null) {
            invalid.put("password", "CalDAV password is not set");
        }
        if (authType == null) {
            invalid.put("authType", "CalDAV auth type is not set");
        }
        requirePositive(connectTimeout, "connectTimeout", "connect timeout", invalid);
        requirePositive(readTimeout, "readTimeout", "read timeout", invalid);
        Objects.requireNonNull(clock, "clock");
        if (!invalid.isEmpty()) {
            throw new InvalidCalDavSettingsException(invalid);
        }
    }

    private static void checkUrl(URI url, Map<String, String> invalid) {
        if (url == null) {
            invalid.put("url", "CalDAV URL is not set");
        } else if (url.getRawUserInfo() != null) {
            invalid.put("url", "CalDAV URL must not contain credentials; set the user name and password separately");
        } else {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                invalid.put("url", "CalDAV URL must be an absolute http or https URL, was '" + url + "'");
            }
        }
    }

    /** Settings with the default timeouts and the system clock. */
    public static CalDavSettings of(String url, String username, String password, AuthType authType) {
        return new CalDavSettings(parse(url), username, password, authType, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, Clock.systemUTC());
    }

    /** Reads a URL; the error names the problem and position, not the text (which might hold a password). */
    public static URI parse(String url) {
        Objects.requireNonNull(url, "CalDAV URL");
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidCalDavSettingsException(Map.of("url", "CalDAV URL is not a valid URL: " + e.getReason()
                    + " at index " + e.getIndex()));
        }
    }

    /** These settings with another clock, e.g. the one the rest of the service runs on. */
    public CalDavSettings withClock(Clock value) {
        return new CalDavSettings(url, username, password, authType, connectTimeout, readTimeout, value);
    }

    private static void requirePositive(Duration duration, String setting, String what, Map<String, String> invalid) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            invalid.put(setting, what + " must be positive, was " + duration);
        }
    }

    @Override
    public String toString() {
        return "CalDavSettings[url=" + url + ", username=" + username + ", password=****, authType=" + authType
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
