package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for repeated deliveries: <em>a delivery that brings nothing newer than what was already accepted for
 * the same subject is not applied</em>. Concretely, a body accepted before is a {@link Verdict#REPEAT} (the sender
 * retried), and an issue change whose {@code updated_at} is older than one already applied is
 * {@link Verdict#OUTDATED}. Among queued changes, a newer one replaces an older one, never the reverse.
 * Memory is bounded: the newest bodies and issues are remembered.
 */
final class RepeatFilter {
    private static final int REMEMBERED_DELIVERIES = 1024;
    private static final int REMEMBERED_ISSUES = 10_000;

    /** What a delivery is, compared with what was accepted before. */
    enum Verdict { NEW, REPEAT, OUTDATED }

    private final Map<String, Boolean> bodies = bounded(REMEMBERED_DELIVERIES);
    private final Map<String, Instant> appliedUpdatedAt = bounded(REMEMBERED_ISSUES);

    /** Judges a delivery and, when it is new, remembers its body. */
    synchronized Verdict judge(String key, WebhookNotification notification, byte[] body) {
        String fingerprint = fingerprint(body);
        if (bodies.containsKey(fingerprint)) {
            return Verdict.REPEAT;
        }
        Instant applied = appliedUpdatedAt.get(key);
        if (applied != null && updatedAtOf(notification).map(at -> at.isBefore(applied)).orElse(false)) {
            return Verdict.OUTDATED;
        }
        bodies.put(fingerprint, Boolean.TRUE);
        return Verdict.NEW;
    }

    /** Remembers that the change was applied, so older deliveries for the same subject are outdated. */
    synchronized void applied(String key, WebhookNotification notification) {
        updatedAtOf(notification).ifPresent(at -> appliedUpdatedAt.merge(key, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Whether {@code incoming} may replace {@code queued} for the same subject: unless it is older. */
    static boolean supersedes(WebhookNotification incoming, WebhookNotification queued) {
        Optional<Instant> in = updatedAtOf(incoming);
        Optional<Instant> q = updatedAtOf(queued);
        return !(in.isPresent() && q.isPresent() && in.get().isBefore(q.get()));
    }

    private static Optional<Instant> updatedAtOf(WebhookNotification notification) {
        return notification instanceof IssueChanged ? ((IssueChanged) notification).updatedAt() : Optional.empty();
    }

    private static String fingerprint(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static <V> Map<String, V> bounded(int limit) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > limit;
            }
        };
    }
}
