package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.out.AppliedChanges;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for repeated deliveries: <em>a delivery that brings nothing newer than what was already accepted for
 * the same subject is not applied</em>. A body stored before is a repeat (the {@link
 * io.calplanebot.core.port.out.WebhookInbox} recognises it), and an issue change whose {@code updated_at} is older
 * than one already applied (by a webhook or a full sync) is {@link Verdict#OUTDATED}. A change applied from its own
 * body is outdated at an equal {@code updated_at} too: it brings nothing newer, and its body may predate a change
 * Plane makes without moving {@code updated_at} (a timeline drag), which a full sync applied. A change that is read
 * fresh from the source is applied at an equal time (the read is current). Among queued changes, a newer one replaces
 * an older one, never the reverse. What was applied is kept in {@link AppliedChanges}, so the rule holds across
 * restarts and replicas.
 */
final class RepeatFilter {

    /** What a delivery is, compared with what was applied before. */
    enum Verdict { NEW, OUTDATED }

    private final AppliedChanges applied;

    RepeatFilter(AppliedChanges applied) {
        this.applied = Objects.requireNonNull(applied, "applied changes");
    }

    /** Judges a change against what was applied for its subject. */
    Verdict judge(String key, WebhookNotification notification) {
        Optional<Instant> at = updatedAtOf(notification);
        if (at.isEmpty()) {
            return Verdict.NEW;
        }
        Optional<Instant> last = applied.lastApplied(key);
        if (last.isEmpty()) {
            return Verdict.NEW;
        }
        boolean fromBody = ((IssueChanged) notification).reported().isPresent();
        boolean outdated = fromBody ? !at.get().isAfter(last.get()) : at.get().isBefore(last.get());
        return outdated ? Verdict.OUTDATED : Verdict.NEW;
    }

    /** Remembers that the change was applied, so older deliveries for the same subject are outdated. */
    void applied(String key, WebhookNotification notification) {
        updatedAtOf(notification).ifPresent(at -> applied.recordApplied(key, at));
    }

    /** Whether {@code incoming} may replace {@code queued} for the same subject: unless it is older. */
    static boolean supersedes(WebhookNotification incoming, WebhookNotification queued) {
        Optional<Instant> in = updatedAtOf(incoming);
        Optional<Instant> q = updatedAtOf(queued);
        return !(in.isPresent() && q.isPresent() && in.get().isBefore(q.get()));
    }

    static Optional<Instant> updatedAtOf(WebhookNotification notification) {
        return notification instanceof IssueChanged ? ((IssueChanged) notification).updatedAt() : Optional.empty();
    }
}
