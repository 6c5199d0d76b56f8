package io.calplanebot.app.config;

import io.calplanebot.core.mapping.EventTitleFormat;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service knows about Plane beyond the API client's settings.
 *
 * @param webUrl        where Plane's web pages are, for the links in events (default: the base URL)
 * @param webhookSecret the secret Plane signs webhook deliveries with; empty means signatures are not checked
 * @param titleFormat   the template of event titles ({@code EVENT_TITLE_FORMAT})
 */
public record PlaneWebConfig(URI webUrl, Optional<Secret> webhookSecret, EventTitleFormat titleFormat) {
    public PlaneWebConfig {
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(titleFormat, "titleFormat");
    }

    /** With the default event title format. */
    public PlaneWebConfig(URI webUrl, Optional<Secret> webhookSecret) {
        this(webUrl, webhookSecret, EventTitleFormat.DEFAULT);
    }
}
