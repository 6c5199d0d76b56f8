package io.calplanebot.adapter.caldav.dav;

import java.net.URI;
import java.util.Objects;

/** A multistatus and the URL it finally came from (after redirects). */
public record DavAnswer(URI url, MultiStatus multiStatus) {
    public DavAnswer {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(multiStatus, "multiStatus");
    }
}
