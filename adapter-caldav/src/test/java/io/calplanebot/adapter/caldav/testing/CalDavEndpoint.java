package io.calplanebot.adapter.caldav.testing;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.CalDavSettings;

import java.time.Duration;

/**
 * How to reach a running test server: the URLs its start script reported and the test user.
 *
 * @param name a label for test output, e.g. {@code radicale}
 */
public record CalDavEndpoint(String name, String baseUrl, String principalUrl, String calendarHomeUrl, String user,
                             String password, AuthType auth) {

    /** Settings that start discovery at the given URL, with this endpoint's user and auth type. */
    public CalDavSettings settings(String url) {
        return CalDavSettings.of(url, user, password, auth);
    }

    /** The same settings with the given timeouts. */
    public CalDavSettings settings(String url, Duration connectTimeout, Duration readTimeout) {
        CalDavSettings settings = settings(url);
        return new CalDavSettings(settings.url(), user, password, auth, connectTimeout, readTimeout,
                settings.clock());
    }

    /** scheme://host:port/ of the server. */
    public String rootUrl() {
        java.net.URI base = java.net.URI.create(baseUrl);
        return base.getScheme() + "://" + base.getRawAuthority() + "/";
    }

    @Override
    public String toString() {
        return name + "[" + baseUrl + ", user " + user + ", " + auth + "]";
    }
}
