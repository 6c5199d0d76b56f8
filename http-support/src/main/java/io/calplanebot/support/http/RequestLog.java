package io.calplanebot.support.http;

import org.slf4j.Logger;

import java.net.URI;

/**
 * Request log lines that never hold a secret: a URL loses its user info and query, an error is named by its
 * type and message, and headers are never logged.
 */
public final class RequestLog {
    private RequestLog() {
    }

    /** The URL without user info, query or fragment. */
    public static String target(URI url) {
        if (url.getHost() == null) {
            return url.getRawPath() == null ? "" : url.getRawPath();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /** {@code SocketTimeoutException: Read timed out}. */
    public static String describe(Throwable error) {
        if (error == null) {
            return "unexpected answer";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Logs (at debug) one exchange: {@code GET /path -> 200 (12 ms)}. */
    public static void answered(Logger log, String method, String target, int status, long startedNanos) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} -> {} ({} ms)", method, target, status, (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /** Logs (at debug) an exchange that got no answer. */
    public static void failed(Logger log, String method, String target, Throwable error) {
        log.debug("{} {} failed: {}", method, target, describe(error));
    }
}
