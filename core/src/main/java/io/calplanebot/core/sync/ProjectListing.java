package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Project;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One project's issues as one full sync read them, mapped to the events they should have.
 *
 * @param issues   how many issues were listed
 * @param dated    how many of them have a due date
 * @param complete whether every issue was read; only then may events of missing issues be deleted
 * @param error    why the issues could not be listed (then {@code desired} is empty and nothing is deleted)
 */
record ProjectListing(Project project, List<DesiredEvent> desired, int issues, int dated, boolean complete,
                      Optional<String> error) {
    ProjectListing {
        Objects.requireNonNull(project, "project");
        desired = List.copyOf(desired);
        Objects.requireNonNull(error, "error");
    }

    static ProjectListing failed(Project project, String error) {
        return new ProjectListing(project, List.of(), 0, 0, false, Optional.of(error));
    }
}
