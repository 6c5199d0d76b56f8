package io.calplanebot.adapter.http.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the adapter itself refuses (wrong content type, too large, rate limited, …). The message is shown to
 * the client as is, so it never holds request data or a secret.
 */
public class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public ApiError(int status, ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = new LinkedHashMap<>(details);
    }

    public ApiError(ErrorCode code, String message) {
        this(code.status(), code, message, Map.of());
    }

    public ApiError(ErrorCode code, String message, Map<String, Object> details) {
        this(code.status(), code, message, details);
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
