package io.calplanebot.adapter.plane.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.IssueSourceException.Reason;

import java.io.IOException;

/**
 * Turns Plane's error answers into {@link IssueSourceException}s whose message tells the user what to fix.
 * Plane's error bodies are its own short messages ({@code detail} or {@code error}); none of them holds the key.
 */
final class PlaneErrors {
    /** Plane's body for an unknown, inactive or expired token (a 403, not a 401). */
    static final String INVALID_TOKEN_DETAIL = "Given API token is not valid";
    private static final String KEY_HELP = "Create an API token in Plane (Profile settings > API tokens) and set it as "
            + "PLANE_API_TOKEN.";

    private final ObjectMapper json;

    PlaneErrors(ObjectMapper json) {
        this.json = json;
    }

    IssueSourceException fromStatus(String method, String path, RequestSubject subject, PlaneResponse response) {
        int status = response.status();
        String plane = planeMessage(response);
        if (status == 401) {
            return new IssueSourceException(Reason.AUTHENTICATION,
                    "Plane refused the request because no API key was sent (HTTP 401). " + KEY_HELP);
        }
        if (status == 403 && INVALID_TOKEN_DETAIL.equalsIgnoreCase(plane)) {
            return new IssueSourceException(Reason.AUTHENTICATION,
                    "Plane rejected the API key (HTTP 403, \"" + INVALID_TOKEN_DETAIL + "\"): it is unknown, "
                            + "deactivated or expired. " + KEY_HELP);
        }
        if (status == 403) {
            return new IssueSourceException(Reason.ACCESS_DENIED, accessDenied(subject));
        }
        if (status == 404) {
            boolean routeMissing = plane.equalsIgnoreCase("Page not found.") || plane.isEmpty();
            return new PlaneNotFoundException(notFound(method, path, subject, plane, routeMissing), routeMissing);
        }
        if (status >= 300 && status < 400) {
            return new IssueSourceException(Reason.INVALID_RESPONSE, "Plane redirected " + method + " " + path
                    + " (HTTP " + status + ") to " + response.location().orElse("another address")
                    + ". Set PLANE_BASE_URL to the address Plane answers on directly (check http versus https "
                    + "and the host name).");
        }
        return new IssueSourceException(Reason.INVALID_RESPONSE, "Plane refused " + method + " " + path + " with HTTP "
                + status + (plane.isEmpty() ? "" : ": " + plane));
    }

    private static String accessDenied(RequestSubject subject) {
        if (subject.scope() == RequestSubject.Scope.PROJECT) {
            return "The API key's user is not a member of " + subject.projectName() + " in workspace '"
                    + subject.workspace() + "', or that project does not exist (Plane answers HTTP 403 for both). "
                    + "Add the user to the project in Plane, or leave the project out of PLANE_PROJECTS.";
        }
        return "The API key's user is not a member of workspace '" + subject.workspace() + "', or no workspace has "
                + "that slug (Plane answers HTTP 403 for both). Check PLANE_WORKSPACE_SLUG (the first path segment "
                + "of Plane's web addresses) and the user's workspace membership.";
    }

    private static String notFound(String method, String path, RequestSubject subject, String plane,
                                   boolean routeMissing) {
        if (routeMissing) {
            return "Plane has no API route for " + method + " " + path + " (HTTP 404"
                    + (plane.isEmpty() ? "" : ", \"" + plane + "\"") + "). Check that PLANE_BASE_URL is the address "
                    + "of the Plane instance and that the ids are right.";
        }
        String what = subject.scope() == RequestSubject.Scope.PROJECT ? subject.projectName()
                : "the requested object";
        return "Plane says " + what + " does not exist in workspace '" + subject.workspace() + "' (HTTP 404, \""
                + plane + "\").";
    }

    /** Plane's own message: {@code detail} or {@code error}, else a short excerpt of a non-JSON body. */
    String planeMessage(PlaneResponse response) {
        if (response.body().length == 0) {
            return "";
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node != null && node.isObject()) {
                for (String key : new String[] {"detail", "error", "error_message"}) {
                    JsonNode value = node.get(key);
                    if (value != null && value.isTextual()) {
                        return value.asText();
                    }
                }
                return response.excerpt(200);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: an HTML error page from a proxy or the web app
        }
        return "";
    }
}
