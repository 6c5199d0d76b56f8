package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.port.out.IssueWebhookDecoder;
import io.calplanebot.core.port.out.SyncListener;

import java.util.Objects;
import java.util.Optional;

/**
 * Takes webhook deliveries: decodes them with the current runtime's {@link IssueWebhookDecoder} and hands each change
 * to the {@link ChangePipeline}. The listener hears of every delivery, taken or refused.
 */
public final class WebhookService implements HandleWebhookUseCase {
    private final RuntimeHolder runtime;
    private final ChangePipeline pipeline;
    private final SyncListener listener;

    public WebhookService(RuntimeHolder runtime, ChangePipeline pipeline, SyncListener listener) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public WebhookReceipt handle(RawWebhook webhook) {
        WebhookNotification notification;
        try {
            notification = runtime.use(rt -> rt.decoder()
                    .orElseThrow(() -> new IllegalStateException("this service takes no webhooks"))
                    .decode(webhook));
        } catch (WebhookRejectedException e) {
            listener.webhookRejected(e);
            throw e;
        }
        WebhookReceipt receipt = new WebhookReceipt(pipeline.offer(notification, webhook),
                notification.event(), notification.action(), issueIdOf(notification));
        listener.webhookReceived(receipt);
        return receipt;
    }

    private static Optional<String> issueIdOf(WebhookNotification notification) {
        if (notification instanceof IssueChanged) {
            return Optional.of(((IssueChanged) notification).issueId());
        }
        if (notification instanceof IssueDeleted) {
            return Optional.of(((IssueDeleted) notification).issueId());
        }
        return Optional.empty();
    }
}
