package io.calplanebot.core.domain;

import java.util.Optional;

/**
 * Where an event lives and who it is: its iCalendar UID and its resource name inside a calendar collection.
 * Events we own have a UID of the form {@code plane-issue-{issue id}@calplanebot}.
 */
public record EventIdentity(String uid, String resourceName) {
    public static final String UID_PREFIX = "plane-issue-";
    public static final String UID_SUFFIX = "@calplanebot";

    public EventIdentity {
        uid = Text.requireNonBlank(uid, "event UID");
        resourceName = Text.requireNonBlank(resourceName, "event resource name");
        if (resourceName.contains("/")) {
            throw new IllegalArgumentException("resource name must not contain '/': " + resourceName);
        }
    }

    /** The identity of the event that mirrors the given issue. */
    public static EventIdentity forIssue(String issueId) {
        Text.requireNonBlank(issueId, "issue id");
        return new EventIdentity(uidForIssue(issueId), UID_PREFIX + issueId + ".ics");
    }

    public static String uidForIssue(String issueId) {
        return UID_PREFIX + issueId + UID_SUFFIX;
    }

    /** Whether a UID names an event this tool created and may change. */
    public static boolean isOwnedUid(String uid) {
        return uid != null
                && uid.startsWith(UID_PREFIX)
                && uid.endsWith(UID_SUFFIX)
                && uid.length() > UID_PREFIX.length() + UID_SUFFIX.length();
    }

    public boolean isOwned() {
        return isOwnedUid(uid);
    }

    /** The issue id inside an owned UID. */
    public Optional<String> issueId() {
        if (!isOwned()) {
            return Optional.empty();
        }
        return Optional.of(uid.substring(UID_PREFIX.length(), uid.length() - UID_SUFFIX.length()));
    }
}
