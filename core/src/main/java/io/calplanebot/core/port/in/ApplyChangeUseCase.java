package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.webhook.WebhookNotification;

/** Applies one decoded change to the calendars, through the same planner and executor as a full sync. */
public interface ApplyChangeUseCase {

    ChangeResult apply(WebhookNotification notification);
}
