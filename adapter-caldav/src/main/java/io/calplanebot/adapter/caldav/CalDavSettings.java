package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
 */
public record CalDavSettings(URI url, String username, String password, AuthType authType, Duration connectTimeout,
                             Duration readTimeout, Clock clock) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public CalDavSettings {
        Objects.requireNonNull(url, "CalDAV URL");
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("CalDAV URL must not contain credentials; set the user name and"
                    + " password separately");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("CalDAV URL must be an absolute http or https URL, was '" + url + "'");
        }
        Objects.requireNonNull(username, "CalDAV user name");
        if (username.isBlank()) {
            throw new IllegalArgumentException("CalDAV user name must not be blank");
        }
        Objects.requireNonNull(password, "CalDAV password");
        Objects.requireNonNull(authType, "CalDAV auth type");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        Objects.requireNonNull(clock, "clock");
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
            throw new IllegalArgumentException("CalDAV URL is not a valid URL: " + e.getReason() + " at index "
                    + e.getIndex(), null);
        }
    }

    public CalDavSettings withTimeouts(Duration connect, Duration read) {
        return new CalDavSettings(url, username, password, authType, connect, read, clock);
    }

    public CalDavSettings withClock(Clock value) {
        return new CalDavSettings(url, username, password, authType, connectTimeout, readTimeout, value);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    @Override
    public String toString() {
        return "CalDavSettings[url=" + url + ", username=" + username + ", password=****, authType=" + authType
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
