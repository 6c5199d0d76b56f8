package io.calplanebot.core.port.in;

/** What a sync action meant to do to an event. */
public enum ActionKind {
    CREATE, UPDATE, DELETE
}
