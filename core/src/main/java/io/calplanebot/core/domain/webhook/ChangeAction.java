package io.calplanebot.core.domain.webhook;

import java.util.Locale;

/** The kind of change an issue or project webhook reports. */
public enum ChangeAction {
    CREATED, UPDATED, DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
