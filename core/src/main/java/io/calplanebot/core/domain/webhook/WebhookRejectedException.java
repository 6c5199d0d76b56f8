package io.calplanebot.core.domain.webhook;

import java.util.Objects;
import java.util.Optional;

/** A webhook delivery was refused. The message is safe to show the sender: it never holds a secret. */
public class WebhookRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a delivery was refused. */
    public enum Reason {
        /** The signature header is missing, malformed or does not match the body. */
        INVALID_SIGNATURE,
        /** The body is not JSON, or not the JSON object a webhook is. */
        MALFORMED_JSON,
        /** A field the delivery needs is absent or null; {@link #field()} names it. */
        MISSING_FIELD,
        /** A date or datetime field cannot be read; {@link #field()} names it. */
        INVALID_DATE,
        /** A field has the wrong type or an unknown value; {@link #field()} names it. */
        INVALID_FIELD
    }

    private final Reason reason;
    private final String field;

    public WebhookRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public WebhookRejectedException(Reason reason, String message, String field) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public static WebhookRejectedException missingField(String field) {
        return new WebhookRejectedException(Reason.MISSING_FIELD, "Missing required field: " + field, field);
    }

    public static WebhookRejectedException invalidDate(String field) {
        return new WebhookRejectedException(Reason.INVALID_DATE,
                "Invalid date in field " + field + ": expected YYYY-MM-DD or an ISO-8601 datetime", field);
    }

    public Reason reason() {
        return reason;
    }

    /** The JSON path of the offending field, e.g. {@code data.target_date}. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
