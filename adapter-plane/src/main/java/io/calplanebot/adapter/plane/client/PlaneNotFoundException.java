package io.calplanebot.adapter.plane.client;

import io.calplanebot.core.port.out.IssueSourceException;

/**
 * Plane answered 404. {@link #routeMissing()} tells a path Plane has no route for ({@code "Page not found."}, or a
 * 404 that is not Plane's JSON) from an object that does not exist ({@code "The requested resource does not exist."}).
 */
public final class PlaneNotFoundException extends IssueSourceException {
    private static final long serialVersionUID = 1L;

    private final boolean routeMissing;

    PlaneNotFoundException(String message, boolean routeMissing) {
        super(Reason.NOT_FOUND, message);
        this.routeMissing = routeMissing;
    }

    public boolean routeMissing() {
        return routeMissing;
    }
}
