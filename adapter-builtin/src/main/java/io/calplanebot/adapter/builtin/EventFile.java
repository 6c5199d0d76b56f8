package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a calendar folder last read from one event file: the file's identity on disk (file key, size, modification
 * time), its version, and the event decoded from it. A listing reuses it while the file on disk is the same, so an
 * unchanged event is neither read nor parsed again. File keys are compared by their text, the form the status file
 * ({@link VdirStatusFile}) keeps.
 *
 * @param stored  the decoded event; empty when the file could not be read as an event
 * @param problem why the file could not be read; empty when it could
 */
record EventFile(Object fileKey, long size, FileTime modified, EventVersion version, Optional<StoredEvent> stored,
                 Optional<String> problem) {
    EventFile {
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(problem, "problem");
        if (stored.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("an event file is either read or has a problem, not both or neither");
        }
    }

    /** Whether the file on disk is still the one this was read from. */
    boolean isCurrent(BasicFileAttributes attributes) {
        return attributes.size() == size && attributes.lastModifiedTime().equals(modified)
                && String.valueOf(attributes.fileKey()).equals(String.valueOf(fileKey));
    }
}
