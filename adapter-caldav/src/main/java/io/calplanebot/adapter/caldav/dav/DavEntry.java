package io.calplanebot.adapter.caldav.dav;

import javax.xml.namespace.QName;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One DAV:response of a multistatus.
 *
 * @param href        the resource, resolved against the request URL and percent-decoded then re-encoded
 *                    canonically (see {@link Hrefs})
 * @param status      the response-level status, or 0 when the response carries propstats instead
 * @param errors      the names inside a DAV:error element (CalDAV preconditions such as no-uid-conflict)
 * @param description the responsedescription text, or empty
 */
public record DavEntry(URI href, int status, List<DavPropStat> propStats, List<QName> errors, String description) {
    public DavEntry {
        Objects.requireNonNull(href, "href");
        propStats = List.copyOf(propStats);
        errors = List.copyOf(errors);
        description = Objects.requireNonNull(description, "description");
    }

    /** Properties from every successful propstat. */
    public Map<QName, DavProperty> properties() {
        Map<QName, DavProperty> found = new LinkedHashMap<>();
        for (DavPropStat propStat : propStats) {
            if (propStat.isSuccess()) {
                found.putAll(propStat.properties());
            }
        }
        return found;
    }

    public Optional<DavProperty> property(QName name) {
        return Optional.ofNullable(properties().get(name));
    }

    /** Text of a successfully returned property; empty when missing or blank. */
    public Optional<String> text(QName name) {
        return property(name).map(DavProperty::text).filter(t -> !t.isEmpty());
    }

    /** Whether the response as a whole failed (a non-2xx response-level status). */
    public boolean isFailure() {
        return status != 0 && (status < 200 || status >= 300);
    }

    /**
     * The first failing status in this response: the response-level status, or else a propstat's status.
     * Empty when everything succeeded.
     */
    public Optional<Integer> failureStatus() {
        if (isFailure()) {
            return Optional.of(status);
        }
        for (DavPropStat propStat : propStats) {
            if (!propStat.isSuccess()) {
                return Optional.of(propStat.status());
            }
        }
        return Optional.empty();
    }

    public boolean hasResourceType(QName type) {
        return property(DavNames.RESOURCETYPE).map(p -> p.hasChild(type)).orElse(false);
    }
}
