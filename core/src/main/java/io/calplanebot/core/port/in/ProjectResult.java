package io.calplanebot.core.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What a run did with one project.
 *
 * @param datedIssues     issues with a due date (the ones that become events)
 * @param listingComplete whether every issue was read; deletions need a complete listing
 * @param error           why the project could not be synced fully
 */
public record ProjectResult(
        String projectId, String identifier, String name, String calendar,
        int issues, int datedIssues, boolean listingComplete, Optional<String> error) {

    public ProjectResult {
        Objects.requireNonNull(projectId, "project id");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(error, "error");
    }

    public boolean ok() {
        return error.isEmpty() && listingComplete;
    }
}
