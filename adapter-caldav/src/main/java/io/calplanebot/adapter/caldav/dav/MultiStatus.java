package io.calplanebot.adapter.caldav.dav;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A parsed 207 Multi-Status body. The sync-token is read wherever the server put it (first or last child). */
public record MultiStatus(List<DavEntry> entries, Optional<String> syncToken) {
    public MultiStatus {
        entries = List.copyOf(entries);
    }

    /** The entry for a resource, comparing canonical hrefs (so percent-encoding differences do not matter). */
    public Optional<DavEntry> entry(URI href) {
        URI wanted = Hrefs.canonical(href);
        return entries.stream().filter(e -> Hrefs.sameResource(e.href(), wanted)).findFirst();
    }
}
