package io.calplanebot.app.wiring;

import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.out.IssueWebhookDecoder;

import java.util.Objects;

/** A webhook decoder whose target (and so its secret) can be replaced while the service runs. */
final class SwappableWebhookDecoder implements IssueWebhookDecoder {
    private volatile IssueWebhookDecoder target;

    SwappableWebhookDecoder(IssueWebhookDecoder target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Points at {@code next} from now on and closes the previous target when it holds resources. */
    void swap(IssueWebhookDecoder next) {
        IssueWebhookDecoder previous = target;
        target = Objects.requireNonNull(next, "next");
        Closing.quietly(previous);
    }

    @Override
    public WebhookNotification decode(RawWebhook webhook) {
        return target.decode(webhook);
    }
}
