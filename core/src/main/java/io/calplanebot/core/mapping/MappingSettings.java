package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Text;

import java.util.Objects;

/**
 * What the mapping needs to know beyond the issue itself.
 *
 * @param webUrl        Plane's web origin, e.g. {@code https://plane.example.com} (a trailing slash is dropped)
 * @param workspaceSlug the workspace part of issue URLs
 * @param titleFormat   the template of event titles
 */
public record MappingSettings(String webUrl, String workspaceSlug, EventTitleFormat titleFormat) {
    public MappingSettings {
        webUrl = Text.requireNonBlank(webUrl, "web URL").strip();
        while (webUrl.endsWith("/")) {
            webUrl = webUrl.substring(0, webUrl.length() - 1);
        }
        Text.requireNonBlank(webUrl, "web URL without its trailing slashes");
        workspaceSlug = Text.requireNonBlank(workspaceSlug, "workspace slug").strip();
        Objects.requireNonNull(titleFormat, "title format");
    }

    /** Settings with the default title format, {@code [{sequence_id}] {name}}. */
    public MappingSettings(String webUrl, String workspaceSlug) {
        this(webUrl, workspaceSlug, EventTitleFormat.DEFAULT);
    }
}
