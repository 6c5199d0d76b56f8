package io.calplanebot.adapter.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the PostgreSQL state store is, from {@code DATABASE_URL}: either the usual
 * {@code postgres://user:password@host:5432/database?sslmode=require} (also {@code postgresql://}), or a JDBC URL
 * {@code jdbc:postgresql://host:5432/database?user=…&password=…}. {@link #toString()} never shows the password.
 */
public final class DatabaseUrl {
    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final String shown;

    private DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password, String shown) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.shown = shown;
    }

    /**
     * Reads a database URL.
     *
     * @throws IllegalArgumentException naming what is wrong (never repeating a password)
     */
    public static DatabaseUrl parse(String text) {
        Objects.requireNonNull(text, "database url");
        String value = text.trim();
        if (value.startsWith("jdbc:postgresql://")) {
            URI uri = uri(value.substring("jdbc:".length()));
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            List<String> kept = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    if (parameter.startsWith("user=")) {
                        user = Optional.of(decode(parameter.substring(5)));
                    } else if (parameter.startsWith("password=")) {
                        password = Optional.of(decode(parameter.substring(9)));
                    } else if (!parameter.isEmpty()) {
                        kept.add(parameter);
                    }
                }
            }
            int query = value.indexOf('?');
            String jdbc = (query < 0 ? value : value.substring(0, query))
                    + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
            return new DatabaseUrl(jdbc, user, password, describe(uri));
        }
        if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
            URI uri = uri(value);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("names no host (expected postgres://user:password@host:5432/db)");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.length() <= 1) {
                throw new IllegalArgumentException("names no database (expected postgres://user:password@host:5432/db)");
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            String info = uri.getRawUserInfo();
            if (info != null && !info.isEmpty()) {
                int colon = info.indexOf(':');
                user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
                password = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
            }
            return new DatabaseUrl(jdbc, user, password, describe(uri));
        }
        throw new IllegalArgumentException("is not a PostgreSQL URL (expected postgres://user:password@host:5432/db"
                + " or jdbc:postgresql://host:5432/db)");
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String describe(URI uri) {
        return "postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** Host, port and database only: no user, password or parameters. */
    @Override
    public String toString() {
        return shown;
    }
}
