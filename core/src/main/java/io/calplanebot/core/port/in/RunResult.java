package io.calplanebot.core.port.in;

import java.util.Locale;

/** How a sync run ended. */
public enum RunResult {
    /** Everything was read and every write succeeded. */
    SUCCESS,
    /** Some projects or writes failed, a listing was incomplete, or deletions were refused. */
    PARTIAL,
    /** Nothing could be done (for example the project list could not be read). */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
