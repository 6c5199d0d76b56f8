package io.calplanebot.adapter.caldav.testing;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.CalDavSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * A CalDAV server started by {@link CalDavServers} on 127.0.0.1, with one user. Close it to stop the server
 * and delete its data.
 */
public final class CalDavServer implements AutoCloseable {
    private final CalDavServerKind kind;
    private final AuthType auth;
    private final CalDavEndpoint endpoint;
    private final Runnable stop;
    private boolean closed;

    CalDavServer(CalDavServerKind kind, AuthType auth, CalDavEndpoint endpoint, Runnable stop) {
        this.kind = kind;
        this.auth = auth;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.stop = stop;
    }

    public CalDavServerKind kind() {
        return kind;
    }

    public AuthType auth() {
        return auth;
    }

    public CalDavEndpoint endpoint() {
        return endpoint;
    }

    /** The URL the server's CalDAV service starts at (e.g. {@code http://127.0.0.1:PORT/caldav.php/}). */
    public String baseUrl() {
        return endpoint.baseUrl();
    }

    /** scheme://host:port/ of the server. */
    public String rootUrl() {
        return endpoint.rootUrl();
    }

    public String principalUrl() {
        return endpoint.principalUrl();
    }

    public String calendarHomeUrl() {
        return endpoint.calendarHomeUrl();
    }

    public String user() {
        return endpoint.user();
    }

    public String password() {
        return endpoint.password();
    }

    /** Settings for a store that starts discovery at the given URL of this server, with short timeouts. */
    public CalDavSettings settings(String url) {
        return settings(url, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** Settings for a store that starts discovery at the given URL of this server, with these timeouts. */
    public CalDavSettings settings(String url, Duration connectTimeout, Duration readTimeout) {
        return endpoint.settings(url, connectTimeout, readTimeout);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop.run();
        }
    }

    @Override
    public String toString() {
        return kind + " (" + auth + ") at " + baseUrl();
    }
}
