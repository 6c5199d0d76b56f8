package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.port.out.ChangeDispatcher;
import io.calplanebot.core.port.out.IssueWebhookDecoder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes webhook deliveries: decodes them through the {@link IssueWebhookDecoder}, drops exact repeats (a tracker
 * retry carries the same body), and hands each change to the {@link ChangeDispatcher}.
 */
public final class WebhookService implements HandleWebhookUseCase {
    private static final int REMEMBERED_DELIVERIES = 1024;

    private final IssueWebhookDecoder decoder;
    private final ChangeDispatcher dispatcher;
    private final Map<String, Boolean> recent = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_DELIVERIES;
        }
    };

    public WebhookService(IssueWebhookDecoder decoder, ChangeDispatcher dispatcher) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public WebhookReceipt handle(RawWebhook webhook) {
        WebhookNotification notification = decoder.decode(webhook);
        Optional<String> issueId = issueIdOf(notification);
        if (notification instanceof IgnoredEvent) {
            return new WebhookReceipt(WebhookReceipt.Disposition.IGNORED, notification.event(), notification.action(),
                    issueId);
        }
        String fingerprint = fingerprint(webhook.body());
        if (!firstTime(fingerprint)) {
            return new WebhookReceipt(WebhookReceipt.Disposition.DUPLICATE, notification.event(),
                    notification.action(), issueId);
        }
        try {
            dispatcher.dispatch(notification);
        } catch (RuntimeException e) {
            forget(fingerprint);
            throw e;
        }
        return new WebhookReceipt(WebhookReceipt.Disposition.ACCEPTED, notification.event(), notification.action(),
                issueId);
    }

    private synchronized boolean firstTime(String fingerprint) {
        return recent.put(fingerprint, Boolean.TRUE) == null;
    }

    /** A delivery that could not be handed on is not a duplicate when the sender tries again. */
    private synchronized void forget(String fingerprint) {
        recent.remove(fingerprint);
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

    private static String fingerprint(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
