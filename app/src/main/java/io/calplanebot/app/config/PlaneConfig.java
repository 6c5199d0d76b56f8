package io.calplanebot.app.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** How to reach Plane. */
public record PlaneConfig(
        URI baseUrl,
        Secret apiToken,
        String workspaceSlug,
        URI webUrl,
        List<String> projects,
        Optional<Secret> webhookSecret,
        int perPage,
        int rateLimitPerMinute) {
    public PlaneConfig {
        projects = List.copyOf(projects);
    }
}
