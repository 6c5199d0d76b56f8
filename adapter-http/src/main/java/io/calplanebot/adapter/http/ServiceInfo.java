package io.calplanebot.adapter.http;

import java.util.Objects;

/** What {@code GET /} says about the service. */
public record ServiceInfo(String name, String version, String description) {

    public ServiceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
    }

    public static ServiceInfo calPlaneBot(String version) {
        return new ServiceInfo("CalPlaneBot", version, "Plane \u2194 CalDAV Integration Service");
    }
}
