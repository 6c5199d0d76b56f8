package io.calplanebot.adapter.plane.client;

import java.util.Objects;

/**
 * What a request is about, so that an error can say which workspace or project it concerns.
 *
 * @param scope       whether Plane checks workspace or project membership for it
 * @param workspace   the workspace slug
 * @param projectName how to name the project in a message, e.g. {@code project MOB (249fa610-…)}; empty for workspace scope
 */
public record RequestSubject(Scope scope, String workspace, String projectName) {

    /** Which membership Plane checks before answering. */
    public enum Scope { WORKSPACE, PROJECT }

    public RequestSubject {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(workspace, "workspace");
        projectName = projectName == null ? "" : projectName;
    }

    public static RequestSubject workspace(String slug) {
        return new RequestSubject(Scope.WORKSPACE, slug, "");
    }

    public static RequestSubject project(String slug, String projectName) {
        return new RequestSubject(Scope.PROJECT, slug, projectName);
    }
}
