package io.calplanebot.core.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A user of the issue tracker, as an assignee.
 *
 * @param id          the tracker's user id
 * @param email       the e-mail address; empty when the tracker did not say
 * @param displayName the name people see
 */
public record Person(String id, String email, String displayName) {
    public Person {
        id = Text.requireNonBlank(id, "person id").strip();
        email = Objects.requireNonNull(email, "email").strip();
        displayName = Objects.requireNonNull(displayName, "display name").strip();
    }

    /** Whether {@code who} names this person: the id, the e-mail address or the display name (case-insensitive). */
    public boolean isNamedBy(String who) {
        String wanted = who.strip();
        return !wanted.isEmpty() && (id.equalsIgnoreCase(wanted) || email.equalsIgnoreCase(wanted)
                || displayName.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)));
    }
}
