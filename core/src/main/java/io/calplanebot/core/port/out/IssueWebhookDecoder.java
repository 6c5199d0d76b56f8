package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;

/** Verifies and decodes a webhook delivery from the issue tracker. */
public interface IssueWebhookDecoder {

    /**
     * Checks the delivery's signature over the raw body bytes (when a secret is configured), then decodes it.
     *
     * @throws WebhookRejectedException with the reason (bad signature, malformed JSON, missing field, invalid date)
     */
    WebhookNotification decode(RawWebhook webhook);
}
