package io.calplanebot.adapter.plane;

import io.calplanebot.adapter.plane.json.PlaneProjectEntry;
import io.calplanebot.core.domain.Project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which projects are mirrored: never archived ones; without a filter those the key's user is a member of; with
 * one, those it names by identifier or id (case-insensitive).
 */
final class ProjectFilter {
    private final Set<String> wanted;

    ProjectFilter(List<String> projects) {
        Set<String> names = new LinkedHashSet<>();
        projects.forEach(p -> names.add(p.toLowerCase(Locale.ROOT)));
        this.wanted = Set.copyOf(names);
    }

    boolean mirrors(PlaneProjectEntry entry) {
        if (entry.archived()) {
            return false;
        }
        if (wanted.isEmpty()) {
            return entry.member();
        }
        return matchedBy(entry.project()).isPresent();
    }

    /** Whether a filter is set and does not name the project. */
    boolean leavesOut(Project project) {
        return !wanted.isEmpty() && matchedBy(project).isEmpty();
    }

    /** The filter entry naming the project (its id or identifier, lower case). */
    Optional<String> matchedBy(Project project) {
        String id = project.id().toLowerCase(Locale.ROOT);
        String identifier = project.identifier().toLowerCase(Locale.ROOT);
        if (wanted.contains(id)) {
            return Optional.of(id);
        }
        return wanted.contains(identifier) ? Optional.of(identifier) : Optional.empty();
    }
}
