package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Text;

/**
 * What the mapping needs to know beyond the issue itself.
 *
 * @param webUrl        Plane's web origin, e.g. {@code https://plane.example.com} (a trailing slash is dropped)
 * @param workspaceSlug the workspace part of issue URLs
 */
public record MappingSettings(String webUrl, String workspaceSlug) {
    public MappingSettings {
        webUrl = Text.requireNonBlank(webUrl, "web URL").strip();
        while (webUrl.endsWith("/")) {
            webUrl = webUrl.substring(0, webUrl.length() - 1);
        }
        Text.requireNonBlank(webUrl, "web URL without its trailing slashes");
        workspaceSlug = Text.requireNonBlank(workspaceSlug, "workspace slug").strip();
    }
}
