package io.calplanebot.core.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to an accepted webhook delivery.
 *
 * @param issueId the issue concerned, for issue events
 */
public record WebhookReceipt(Disposition disposition, String event, String action, Optional<String> issueId) {

    /** What became of the delivery. */
    public enum Disposition {
        /** The change was accepted and will be (or was) applied. */
        ACCEPTED,
        /** A well-formed delivery about something we do not mirror. */
        IGNORED,
        /** An exact repeat of a delivery already accepted. */
        DUPLICATE,
        /**
         * Kept (so that its repeats are known), but older than a change already applied to its subject: there is
         * nothing to apply.
         */
        OUTDATED
    }

    public WebhookReceipt {
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(issueId, "issue id");
    }
}
