package io.calplanebot.adapter.http.error;

import io.calplanebot.adapter.http.dto.ErrorBody;
import io.calplanebot.adapter.http.support.Json;
import io.calplanebot.adapter.http.support.Timestamps;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/** Writes the error model, stamped with the API's clock. */
public final class ErrorResponses {
    private final Clock clock;

    public ErrorResponses(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public byte[] body(ErrorCode code, String message, Map<String, Object> details) {
        return Json.bytes(ErrorBody.of(code.name(), message, details, Timestamps.iso(clock.instant())));
    }

    public void write(Context ctx, int status, ErrorCode code, String message, Map<String, Object> details) {
        ctx.status(status).contentType(Json.CONTENT_TYPE).result(body(code, message, details));
    }

    public void write(Context ctx, ErrorCode code, String message) {
        write(ctx, code.status(), code, message, Map.of());
    }
}
