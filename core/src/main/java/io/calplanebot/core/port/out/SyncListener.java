package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.SyncReport;

/**
 * Hears what the sync service does, for metrics and logs. Every method has an empty default; implementations
 * must be quick and must not throw.
 */
public interface SyncListener {

    SyncListener NONE = new SyncListener() {
    };

    default void syncStarted(String syncId, boolean dryRun) {
    }

    default void actionCompleted(ActionOutcome outcome) {
    }

    default void syncFinished(SyncReport report) {
    }

    default void changeApplied(WebhookNotification notification, ChangeResult result) {
    }

    default void changeFailed(WebhookNotification notification, RuntimeException error) {
    }
}
