package io.calplanebot.adapter.http.support;

import io.javalin.http.Context;

/** The client address rate limits count against. */
public final class ClientAddress {
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /**
     * The socket's remote address; with {@code trustProxy}, the left-most {@code X-Forwarded-For} entry (the client
     * as the first proxy saw it) when that header is present and not empty.
     */
    public static String of(Context ctx, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0].trim();
                if (!first.isEmpty()) {
                    return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH);
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
