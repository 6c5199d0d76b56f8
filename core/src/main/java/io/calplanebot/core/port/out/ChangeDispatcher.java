package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.webhook.WebhookNotification;

/**
 * Where accepted webhook changes go to be applied: straight away in the caller's thread, or through a queue
 * that applies them in the background.
 */
public interface ChangeDispatcher {

    /** Accepts a change; returns once it is safely queued (or applied). */
    void dispatch(WebhookNotification notification);

    /** Changes accepted and not yet applied. */
    int pending();
}
