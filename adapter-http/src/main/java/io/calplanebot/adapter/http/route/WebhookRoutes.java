package io.calplanebot.adapter.http.route;

import io.calplanebot.adapter.http.ApiSettings;
import io.calplanebot.adapter.http.dto.WebhookAnswer;
import io.calplanebot.adapter.http.error.ApiError;
import io.calplanebot.adapter.http.error.ErrorCode;
import io.calplanebot.adapter.http.limit.RateLimitGuard;
import io.calplanebot.adapter.http.support.Json;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /webhooks/plane}: checks what only the transport can check (content type, size, an empty body) and
 * hands the headers and the raw body bytes to the webhook use case, which verifies and decodes them.
 */
public final class WebhookRoutes {
    /** The largest webhook body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of an oversized body is read and dropped so that the client still gets its 413. */
    private static final long MAX_DRAIN_BYTES = 8L * 1024 * 1024;

    private final HandleWebhookUseCase webhooks;
    private final RateLimitGuard guard;

    public WebhookRoutes(HandleWebhookUseCase webhooks, RateLimitGuard guard) {
        this.webhooks = webhooks;
        this.guard = guard;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/webhooks/plane", guard.limit("webhook", ApiSettings::webhookLimit, ctx -> {
            requireJson(ctx.header("Content-Type"));
            byte[] body = readBody(ctx);
            if (body.length == 0) {
                throw new ApiError(ErrorCode.INVALID_JSON, "The request body is empty; a webhook is a JSON object");
            }
            Json.write(ctx, 200, WebhookAnswer.from(webhooks.handle(new RawWebhook(headers(ctx), body))));
        }));
    }

    static void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json",
                    Map.of("expected", "application/json"));
        }
    }

    private static byte[] readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > MAX_BODY_BYTES) {
                throw tooLarge(in, declared);
            }
            if (declared >= 0) {
                // the usual case: read into an array of the declared size, without the growing copies
                byte[] bytes = new byte[(int) declared];
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read < bytes.length) {
                    throw new ApiError(ErrorCode.BAD_REQUEST, "The request body is shorter than its Content-Length");
                }
                return bytes;
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge(in, declared);
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError) {
                throw (ApiError) e;
            }
            throw new ApiError(ErrorCode.BAD_REQUEST, "The request body could not be read");
        }
    }

    /**
     * Reads and drops the rest of a moderately oversized body first, so that the client, still sending, receives
     * the 413 instead of a reset connection. A body declared larger than {@link #MAX_DRAIN_BYTES} is not read:
     * the answer is sent and the connection closed.
     */
    private static ApiError tooLarge(InputStream in, long declared) throws IOException {
        if (declared <= MAX_DRAIN_BYTES) {
            long drained = 0;
            long skipped;
            while (drained < MAX_DRAIN_BYTES && (skipped = in.skip(MAX_DRAIN_BYTES - drained)) > 0) {
                drained += skipped;
            }
        }
        return tooLarge();
    }

    private static ApiError tooLarge() {
        return new ApiError(ErrorCode.PAYLOAD_TOO_LARGE, "The webhook body is larger than 1 MiB",
                Map.of("max_bytes", MAX_BODY_BYTES));
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }
}
