package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mirrored projects as last read from the source: what a delivery's body lacks (a project's name and identifier)
 * to be applied without a request. Every full sync replaces it with its project listing, and a project delivery
 * refreshes its project; a project not known here is read from the source once. Kept in memory only: after a start
 * the first delivery of each project reads its project, or the first full sync fills it.
 */
final class KnownProjects {
    private final Map<String, Project> byId = new ConcurrentHashMap<>();

    Optional<Project> get(String projectId) {
        return Optional.ofNullable(byId.get(projectId));
    }

    /** What the source said of one project now: the project, or empty when it is not mirrored (any more). */
    void observed(String projectId, Optional<Project> project) {
        if (project.isPresent()) {
            byId.put(projectId, project.get());
        } else {
            byId.remove(projectId);
        }
    }

    /** A complete listing of the mirrored projects: anything not in it is no longer mirrored. */
    void listed(List<Project> projects) {
        Map<String, Project> next = new ConcurrentHashMap<>();
        projects.forEach(p -> next.put(p.id(), p));
        byId.keySet().retainAll(next.keySet());
        byId.putAll(next);
    }

    /** Forgets every project (a new configuration may mirror other projects, or another workspace). */
    void clear() {
        byId.clear();
    }
}
