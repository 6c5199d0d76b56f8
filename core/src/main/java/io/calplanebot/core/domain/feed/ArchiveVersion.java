package io.calplanebot.core.domain.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A cheap version of a whole calendar archive: it changes whenever any event or calendar in it changes.
 *
 * @param tag          opaque, different after every change (e.g. a change counter or a hash of modification times)
 * @param lastModified when the archive last changed (to the second at least)
 */
public record ArchiveVersion(String tag, Instant lastModified) {
    public ArchiveVersion {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(lastModified, "last modified");
    }
}
