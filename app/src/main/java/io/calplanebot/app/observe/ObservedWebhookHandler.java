package io.calplanebot.app.observe;

import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Counts and logs every webhook delivery (accepted, ignored, duplicate, rejected and why). */
public final class ObservedWebhookHandler implements HandleWebhookUseCase {
    private static final Logger LOG = LoggerFactory.getLogger("io.calplanebot.webhook");

    private final HandleWebhookUseCase delegate;
    private final MeterRegistry registry;

    public ObservedWebhookHandler(HandleWebhookUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public WebhookReceipt handle(RawWebhook webhook) {
        try {
            WebhookReceipt receipt = delegate.handle(webhook);
            count(receipt.disposition().name());
            LOG.info("Webhook received: event={}, action={}, issue_id={}, {}", receipt.event(), receipt.action(),
                    receipt.issueId().orElse("-"), receipt.disposition().name().toLowerCase(Locale.ROOT));
            return receipt;
        } catch (WebhookRejectedException e) {
            count("rejected_" + e.reason().name());
            LOG.warn("Webhook rejected: {}", e.getMessage());
            throw e;
        }
    }

    private void count(String outcome) {
        Counter.builder("calplanebot_webhooks_total").description("Webhook deliveries by outcome")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry).increment();
    }
}
