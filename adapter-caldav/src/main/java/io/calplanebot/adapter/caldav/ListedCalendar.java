package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What one calendar held at a sync token (RFC 6578): the ETag of every member resource, so that the next listing
 * asks the server only for what changed since, and applies that to these members.
 *
 * @param syncToken        the token the server gave with this state
 * @param wholeListingAt   when the members were last listed whole (every change since came with a token)
 * @param members          canonical href of each member resource → its ETag
 */
record ListedCalendar(String syncToken, Instant wholeListingAt, Map<URI, String> members) {
    ListedCalendar {
        Objects.requireNonNull(syncToken, "sync token");
        Objects.requireNonNull(wholeListingAt, "whole listing time");
        members = Map.copyOf(members);
    }
}
