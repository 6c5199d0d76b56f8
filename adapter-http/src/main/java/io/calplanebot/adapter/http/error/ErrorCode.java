package io.calplanebot.adapter.http.error;

/** The machine-readable {@code error_code} of an error answer, with the HTTP status it usually goes with. */
public enum ErrorCode {
    INVALID_SIGNATURE(401),
    UNAUTHORIZED(401),
    MISSING_REQUIRED_FIELD(422),
    INVALID_DATE_FORMAT(422),
    VALIDATION_ERROR(422),
    INVALID_JSON(400),
    BAD_REQUEST(400),
    URI_TOO_LONG(414),
    HEADERS_TOO_LARGE(431),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    SYNC_IN_PROGRESS(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMIT_EXCEEDED(429),
    INTERNAL_ERROR(500),
    PLANE_API_ERROR(502),
    CALDAV_CONNECTION_ERROR(502),
    STATE_STORE_UNAVAILABLE(503),
    HTTP_VERSION_NOT_SUPPORTED(505);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code for an error the web server raised by status alone (bad request line, header too large, …). */
    public static ErrorCode forStatus(int status) {
        switch (status) {
            case 404:
                return NOT_FOUND;
            case 405:
                return METHOD_NOT_ALLOWED;
            case 413:
                return PAYLOAD_TOO_LARGE;
            case 414:
                return URI_TOO_LONG;
            case 415:
                return UNSUPPORTED_MEDIA_TYPE;
            case 429:
                return RATE_LIMIT_EXCEEDED;
            case 431:
                return HEADERS_TOO_LARGE;
            case 505:
                return HTTP_VERSION_NOT_SUPPORTED;
            default:
                return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        }
    }
}
