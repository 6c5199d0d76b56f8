package io.calplanebot.app.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service knows about Plane beyond the API client's settings.
 *
 * @param webUrl        where Plane's web pages are, for the links in events (default: the base URL)
 * @param webhookSecret the secret Plane signs webhook deliveries with; empty means signatures are not checked
 */
public record PlaneWebConfig(URI webUrl, Optional<Secret> webhookSecret) {
    public PlaneWebConfig {
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
    }
}
