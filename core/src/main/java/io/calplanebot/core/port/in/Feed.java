package io.calplanebot.core.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * A feed ready to be served: its name for subscribers, a version tag and a modification time for conditional
 * requests, and its events (filtered, with the status its completed mode gives them).
 *
 * @param name         the calendar name subscribers see
 * @param versionTag   changes whenever the feed's content may have changed (an entity tag, unquoted)
 * @param lastModified when the feed's content last changed
 */
public record Feed(String name, String versionTag, Instant lastModified, FeedEvents events) {
    public Feed {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionTag, "version tag");
        Objects.requireNonNull(lastModified, "last modified");
        Objects.requireNonNull(events, "events");
    }
}
