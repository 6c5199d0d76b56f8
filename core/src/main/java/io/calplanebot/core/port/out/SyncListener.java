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

/**
 * Hears what the sync does, for status, metrics and logs. Every method has an empty default; implementations
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

    /** A webhook delivery was taken (accepted, ignored or found to be a repeat). */
    default void webhookReceived(WebhookReceipt receipt) {
    }

    /** A webhook delivery was refused (bad signature, malformed body…). */
    default void webhookRejected(WebhookRejectedException rejection) {
    }

    /** An accepted change will not be applied, and why (for example an older delivery than one applied). */
    default void changeSkipped(WebhookNotification notification, String why) {
    }

    /** A change failed {@code attempts} times and is given up; the next full sync reconciles it. */
    default void changeAbandoned(WebhookNotification notification, int attempts, RuntimeException lastError) {
    }

    /**
     * What a real request to the issue source just showed: empty when it answered (a refusal such as "not found"
     * still counts), otherwise why it is unhealthy, in words.
     */
    default void issueSourceObserved(Optional<String> problem) {
    }

    /** What a real request to a target's calendar store just showed: empty when it answered, otherwise why not. */
    default void targetObserved(String target, Optional<String> problem) {
    }

    /**
     * How many writes a full sync now carries out at once on {@code target}: told when a full sync that may write
     * several at once starts on it, and after every change it learns from the store's answers.
     */
    default void writesAtOnce(String target, int writes) {
    }

    /** When the next periodic full sync is due; empty when none is scheduled. */
    default void nextRunScheduled(Optional<Instant> when) {
    }

    /** How many webhook changes are accepted and not yet applied, after every change to that number. */
    default void pendingChanges(int count) {
    }

    /** Open deliveries taken over from the inbox: left by a process that died or stopped before applying them. */
    default void deliveriesTakenOver(int count) {
    }

    /** A full sync was started because the last one's holder ({@code syncId}) died before it finished. */
    default void abandonedSyncRestarted(String syncId) {
    }

    /** One listener that tells each of {@code listeners} in turn. */
    static SyncListener all(List<SyncListener> listeners) {
        return new FanOutListener(listeners);
    }
}
