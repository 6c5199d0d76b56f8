package io.calplanebot.adapter.http;

import java.util.Objects;

/** One route the API serves: an HTTP method (upper case) and a path template. */
public record ApiRoute(String method, String path) {
    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }
}
