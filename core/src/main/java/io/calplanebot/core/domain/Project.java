package io.calplanebot.core.domain;

import java.util.Objects;

/** A Plane project: its stable id, its human identifier (e.g. {@code MOB}) and its display name. */
public record Project(String id, String identifier, String name) {
    public Project {
        id = Text.requireNonBlank(id, "project id");
        identifier = Objects.requireNonNull(identifier, "project identifier").strip();
        name = Objects.requireNonNull(name, "project name");
    }

    /** The name of the calendar that holds this project's events. */
    public String calendarName() {
        return "Plane: " + name;
    }
}
