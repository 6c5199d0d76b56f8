package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.webhook.RawWebhook;

/** Takes one webhook delivery: verifies and decodes it, then hands the change on to be applied. */
public interface HandleWebhookUseCase {

    /**
     * @throws io.calplanebot.core.domain.webhook.WebhookRejectedException when the delivery is refused
     */
    WebhookReceipt handle(RawWebhook webhook);
}
