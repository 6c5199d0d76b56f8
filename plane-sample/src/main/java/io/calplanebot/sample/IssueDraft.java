package io.calplanebot.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a test sets on a fake issue: unset values keep the issue's current ones (or Plane's defaults). */
public final class IssueDraft {
    String name;
    String descriptionHtml;
    String stateName;
    String priority;
    LocalDate startDate;
    LocalDate targetDate;
    boolean startDateSet;
    boolean targetDateSet;
    List<String> labelNames;
    List<String> assigneeIds;

    public IssueDraft name(String value) {
        this.name = value;
        return this;
    }

    /** The description as Plane stores it ({@code description_html}). */
    public IssueDraft descriptionHtml(String value) {
        this.descriptionHtml = value;
        return this;
    }

    /** The state by name, e.g. {@code "Done"}; the project's states include Backlog, Todo, In Progress, Done, Cancelled. */
    public IssueDraft state(String value) {
        this.stateName = value;
        return this;
    }

    /** {@code urgent}, {@code high}, {@code medium}, {@code low} or {@code none}. */
    public IssueDraft priority(String value) {
        this.priority = value;
        return this;
    }

    public IssueDraft startDate(LocalDate value) {
        this.startDate = value;
        this.startDateSet = true;
        return this;
    }

    public IssueDraft targetDate(LocalDate value) {
        this.targetDate = value;
        this.targetDateSet = true;
        return this;
    }

    /** Label names; labels missing from the project are created. */
    public IssueDraft labels(String... names) {
        this.labelNames = new ArrayList<>(Arrays.asList(names));
        return this;
    }

    /** Assignees by user id (see {@link FakePlane#addUser}). */
    public IssueDraft assignees(String... userIds) {
        this.assigneeIds = new ArrayList<>(Arrays.asList(userIds));
        return this;
    }
}
