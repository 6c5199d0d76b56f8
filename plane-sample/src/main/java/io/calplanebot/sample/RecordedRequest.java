package io.calplanebot.sample;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received.
 *
 * @param method  the HTTP method
 * @param path    the path, e.g. {@code /api/v1/workspaces/acme/projects/}
 * @param query   the decoded query parameters (first value of each)
 * @param headers the request headers, names in lower case (first value of each)
 * @param status  the status the fake answered
 */
public record RecordedRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                              int status) {

    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean isIssueListing() {
        return path.matches(".*/projects/[^/]+/(work-items|issues)/");
    }
}
