package io.calplanebot.app.cli;

import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the commands name a calendar, the same way in every row and in the summary: the name calendar apps show
 * ({@code Plane: Mobile}), marked {@code (new)} when a sync would create it. A calendar that several projects
 * share (a configured calendar URL) is named by its address.
 */
final class CalendarNames {
    /** How a report labels a calendar that does not exist yet. */
    private static final String NEW_PREFIX = "(new) ";
    /** How a report labels a calendar that could not be prepared. */
    private static final String NOT_PREPARED = "-";

    private final Map<String, String> byLabel = new HashMap<>();

    /** The names of every calendar a report mentions, on every target. */
    CalendarNames(SyncReport report) {
        this(report.projects());
        for (TargetReport target : report.targets()) {
            target.calendars().forEach((label, name) ->
                    byLabel.putIfAbsent(label, label.startsWith(NEW_PREFIX) ? name + " (new)" : name));
        }
    }

    CalendarNames(List<ProjectResult> projects) {
        Map<String, List<ProjectResult>> byCalendar = new HashMap<>();
        for (ProjectResult project : projects) {
            byCalendar.computeIfAbsent(project.calendar(), c -> new ArrayList<>()).add(project);
        }
        byCalendar.forEach((label, sharing) -> {
            if (sharing.size() == 1 && !label.equals(NOT_PREPARED)) {
                ProjectResult only = sharing.get(0);
                String name = new Project(only.projectId(), only.identifier(), only.name()).calendarName();
                byLabel.put(label, label.startsWith(NEW_PREFIX) ? name + " (new)" : name);
            }
        });
    }

    /** The name for a calendar a report labelled {@code label}. */
    String of(String label) {
        String known = byLabel.get(label);
        if (known != null) {
            return known;
        }
        return label.startsWith(NEW_PREFIX) ? label.substring(NEW_PREFIX.length()) + " (new)" : label;
    }
}
