package io.calplanebot.core.domain;

import java.util.Objects;

/** A workflow state: its display name (e.g. "In Review") and its group. */
public record IssueState(String name, StateGroup group) {
    public IssueState {
        Objects.requireNonNull(name, "state name");
        Objects.requireNonNull(group, "state group");
    }
}
