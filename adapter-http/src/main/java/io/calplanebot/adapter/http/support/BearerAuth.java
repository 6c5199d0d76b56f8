package io.calplanebot.adapter.http.support;

import io.calplanebot.adapter.http.error.ApiError;
import io.calplanebot.adapter.http.error.ErrorCode;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** Checks {@code Authorization: Bearer <token>} against the configured token, in constant time. */
public final class BearerAuth {
    private static final String SCHEME = "bearer ";

    private BearerAuth() {
    }

    /** Does nothing when no token is configured; otherwise throws a 401 unless the request carries the token. */
    public static void require(Context ctx, Optional<String> expected) {
        if (expected.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        boolean ok = header != null
                && header.length() > SCHEME.length()
                && header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
                && sameSecret(header.substring(SCHEME.length()).trim(), expected.get());
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"calplanebot\"");
            throw new ApiError(ErrorCode.UNAUTHORIZED,
                    header == null ? "This endpoint requires Authorization: Bearer <API_TOKEN>" : "Invalid bearer token");
        }
    }

    /** Compares digests so that neither the content nor the length of the token leaks through timing. */
    static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
