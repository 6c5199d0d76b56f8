package io.calplanebot.adapter.http.error;

import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.StateStoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns every exception a route can end with into the error model. The most specific handler wins; anything
 * unexpected becomes a 500 that shows neither a stack trace nor the exception's message.
 */
public final class HttpErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrorMapping.class);
    private static final int MAX_MESSAGE = 300;

    private final ErrorResponses errors;

    public HttpErrorMapping(ErrorResponses errors) {
        this.errors = errors;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> errors.write(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        routes.exception(WebhookRejectedException.class, this::webhookRejected);
        routes.exception(SyncInProgressException.class, (e, ctx) -> errors.write(ctx, 409, ErrorCode.SYNC_IN_PROGRESS,
                "A sync is already running; try again when it has finished",
                Map.of("sync_id", e.runningSyncId())));
        routes.exception(CalendarStoreException.class, this::calendarStore);
        routes.exception(IssueSourceException.class, (e, ctx) -> errors.write(ctx, 502, ErrorCode.PLANE_API_ERROR,
                "The Plane API request failed", Map.of("reason", wire(e.reason()))));
        routes.exception(StateStoreException.class, (e, ctx) -> {
            LOG.warn("The state store failed on {} {}: {}", ctx.method(), routeOf(ctx), e.getMessage());
            errors.write(ctx, 503, ErrorCode.STATE_STORE_UNAVAILABLE,
                    "The service could not store the request; nothing was taken", Map.of());
        });
        routes.exception(MethodNotAllowedResponse.class, this::methodNotAllowed);
        routes.exception(HttpResponseException.class, this::httpResponse);
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error on {} {}", ctx.method(), routeOf(ctx), MessageFreeThrowable.of(e));
            errors.write(ctx, ErrorCode.INTERNAL_ERROR, "Internal server error");
        });
    }

    /**
     * For a {@link Error} (stack overflow, out of memory, …) thrown by a route, which Javalin keeps away from the
     * exception handlers: the same 500 answer, if the response is not committed yet.
     */
    public void javaLangError(HttpServletResponse response, Error error) {
        LOG.error("Unexpected error while serving a request", MessageFreeThrowable.of(error));
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setStatus(500);
            response.setContentType("application/json");
            response.getOutputStream().write(errors.body(ErrorCode.INTERNAL_ERROR, "Internal server error", Map.of()));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Could not write the error answer: {}", e.getClass().getName());
        }
    }

    private void webhookRejected(WebhookRejectedException e, Context ctx) {
        String message = capped(e.getMessage());
        switch (e.reason()) {
            case INVALID_SIGNATURE:
                errors.write(ctx, 401, ErrorCode.INVALID_SIGNATURE, message, Map.of());
                return;
            case MALFORMED_JSON:
                errors.write(ctx, 400, ErrorCode.INVALID_JSON, message, fieldDetails(e, null));
                return;
            case MISSING_FIELD:
                errors.write(ctx, 422, ErrorCode.MISSING_REQUIRED_FIELD, message, fieldDetails(e, "missing"));
                return;
            case INVALID_DATE:
                errors.write(ctx, 422, ErrorCode.INVALID_DATE_FORMAT, message, fieldDetails(e, "invalid_date"));
                return;
            case INVALID_FIELD:
                errors.write(ctx, 422, ErrorCode.VALIDATION_ERROR, message, fieldDetails(e, "invalid_value"));
                return;
            default:
                throw new AssertionError(e.reason());
        }
    }

    /** The spec's {@code details}: {@code field} (when the rejection names one) and {@code reason}. */
    private static Map<String, Object> fieldDetails(WebhookRejectedException e, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        e.field().ifPresent(field -> details.put("field", field));
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    private void calendarStore(CalendarStoreException e, Context ctx) {
        boolean unreachable = e.reason() == CalendarStoreException.Reason.UNREACHABLE;
        errors.write(ctx, unreachable ? 503 : 502, ErrorCode.CALDAV_CONNECTION_ERROR,
                unreachable ? "Cannot connect to the CalDAV server" : "The CalDAV server refused the request",
                Map.of("reason", wire(e.reason())));
    }

    private void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        List<String> allowed = allowedMethods(e.getDetails().getOrDefault("availableMethods", ""));
        ctx.header("Allow", String.join(", ", allowed));
        errors.write(ctx, 405, ErrorCode.METHOD_NOT_ALLOWED, "Method " + ctx.method() + " is not allowed here",
                Map.of("allowed_methods", allowed));
    }

    private void httpResponse(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        String message = code == ErrorCode.NOT_FOUND
                ? "No endpoint here; the API is described at /docs"
                : HttpStatus.forStatus(status).getMessage();
        errors.write(ctx, status, code, message, Map.of());
    }

    static List<String> allowedMethods(String available) {
        List<String> methods = new ArrayList<>();
        Arrays.stream(available.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .map(m -> m.toUpperCase(Locale.ROOT))
                .forEach(methods::add);
        if (methods.contains("GET") && !methods.contains("HEAD")) {
            methods.add("HEAD");
        }
        return methods;
    }

    private static String routeOf(Context ctx) {
        return ctx.endpoints().matchedHttpEndpoint() != null ? ctx.endpoints().matchedHttpEndpoint().path : "?";
    }

    private static String wire(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static String capped(String message) {
        if (message == null || message.isBlank()) {
            return "The webhook was rejected";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
