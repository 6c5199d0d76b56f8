package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.WebhookReceipt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tells several listeners, in order. */
final class FanOutListener implements SyncListener {
    private final List<SyncListener> listeners;

    FanOutListener(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void syncStarted(String syncId, boolean dryRun) {
        listeners.forEach(l -> l.syncStarted(syncId, dryRun));
    }

    @Override
    public void actionCompleted(ActionOutcome outcome) {
        listeners.forEach(l -> l.actionCompleted(outcome));
    }

    @Override
    public void syncFinished(SyncReport report) {
        listeners.forEach(l -> l.syncFinished(report));
    }

    @Override
    public void changeApplied(WebhookNotification notification, ChangeResult result) {
        listeners.forEach(l -> l.changeApplied(notification, result));
    }

    @Override
    public void changeFailed(WebhookNotification notification, RuntimeException error) {
        listeners.forEach(l -> l.changeFailed(notification, error));
    }

    @Override
    public void webhookReceived(WebhookReceipt receipt) {
        listeners.forEach(l -> l.webhookReceived(receipt));
    }

    @Override
    public void webhookRejected(WebhookRejectedException rejection) {
        listeners.forEach(l -> l.webhookRejected(rejection));
    }

    @Override
    public void changeSkipped(WebhookNotification notification, String why) {
        listeners.forEach(l -> l.changeSkipped(notification, why));
    }

    @Override
    public void changeAbandoned(WebhookNotification notification, int attempts, RuntimeException lastError) {
        listeners.forEach(l -> l.changeAbandoned(notification, attempts, lastError));
    }

    @Override
    public void issueSourceObserved(Optional<String> problem) {
        listeners.forEach(l -> l.issueSourceObserved(problem));
    }

    @Override
    public void targetObserved(String target, Optional<String> problem) {
        listeners.forEach(l -> l.targetObserved(target, problem));
    }

    @Override
    public void writesAtOnce(String target, int writes) {
        listeners.forEach(l -> l.writesAtOnce(target, writes));
    }

    @Override
    public void nextRunScheduled(Optional<Instant> when) {
        listeners.forEach(l -> l.nextRunScheduled(when));
    }

    @Override
    public void pendingChanges(int count) {
        listeners.forEach(l -> l.pendingChanges(count));
    }

    @Override
    public void abandonedSyncRestarted(String syncId) {
        listeners.forEach(l -> l.abandonedSyncRestarted(syncId));
    }

    @Override
    public void deliveriesTakenOver(int count) {
        listeners.forEach(l -> l.deliveriesTakenOver(count));
    }
}
