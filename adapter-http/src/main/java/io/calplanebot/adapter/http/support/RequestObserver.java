package io.calplanebot.adapter.http.support;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Times every request into {@code http.server.requests} (tags method, route template, status, outcome) and writes
 * a DEBUG access line. Neither holds a body, a query string or a header value.
 */
public final class RequestObserver {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.calplanebot.adapter.http.access");

    /** A path segment after {@code feeds/} (however written: doubled slashes, any case), unless it is {@code public}. */
    private static final Pattern FEED_TOKEN = Pattern.compile("(?i)(/feeds/+)(?!public(?:/|$))([^/]+)");

    /** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cntrl}\\x{80}-\\x{9F}\\x{2028}\\x{2029}]");

    private final MeterRegistry registry;

    public RequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    public void observe(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        long nanos = millis == null ? 0 : (long) (millis * 1_000_000.0);
        Timer.builder("http.server.requests")
                .description("HTTP requests served, by route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (ACCESS.isDebugEnabled()) {
            ACCESS.debug("{} {} route={} status={} {}ms", ctx.method().name(), printable(ctx.path()), route, status,
                    String.format(java.util.Locale.ROOT, "%.1f", millis == null ? 0f : millis));
        }
    }

    /** The matched route template; static files and unmatched paths are grouped so the tag stays bounded. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.statusCode() == 405 ? "METHOD_NOT_ALLOWED" : "NOT_FOUND";
    }

    /**
     * The path as sent, capped and without control characters or line separators (each becomes {@code ?}), so one
     * request writes one plain log line; a feed
     * token is masked ({@link #masked}).
     */
    static String printable(String path) {
        String plain = LINE_BREAKING.matcher(masked(path)).replaceAll("?");
        return plain.length() <= 200 ? plain : plain.substring(0, 200) + "…";
    }

    /**
     * The path with the secret part of a feed path replaced: {@code /feeds/abc…xyz.ics} becomes
     * {@code /feeds/[token].ics}; the untokened {@code /feeds/public/…} paths are shown as they are.
     */
    public static String masked(String path) {
        return FEED_TOKEN.matcher(path)
                .replaceAll(m -> m.group(1) + "[token]" + (m.group(2).endsWith(".ics") ? ".ics" : ""));
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}
