package io.calplanebot.core.domain.state;

import io.calplanebot.core.domain.webhook.RawWebhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery as the inbox keeps it until it is applied.
 *
 * @param id         the inbox's id for it
 * @param subject    what it changes ({@code issue:<id>} or {@code project:<id>}); deliveries for one subject coalesce
 * @param updatedAt  the subject's {@code updated_at} the delivery carries, when it carries one
 * @param receivedAt when the service took it
 * @param webhook    the delivery exactly as received, decoded again when another process takes it over
 */
public record InboxDelivery(String id, String subject, Optional<Instant> updatedAt, Instant receivedAt,
                            RawWebhook webhook) {
    public InboxDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(updatedAt, "updated at");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(webhook, "webhook");
    }
}
