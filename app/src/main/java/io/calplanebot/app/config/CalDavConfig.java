package io.calplanebot.app.config;

import java.net.URI;

/** How to reach the CalDAV server. */
public record CalDavConfig(URI url, String username, Secret password, AuthType authType) {
}
