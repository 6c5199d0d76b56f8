package io.calplanebot.adapter.caldav.dav;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One WebDAV/CalDAV request. The body is held as bytes so that it can be sent again after a Digest challenge
 * or a redirect.
 */
public record DavRequest(String method, URI url, Map<String, String> headers, byte[] body, String contentType) {
    private static final String XML = "application/xml; charset=utf-8";
    private static final String CALENDAR = "text/calendar; charset=utf-8";

    public DavRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
    }

    public static DavRequest propfind(URI url, int depth, String xml) {
        return xml("PROPFIND", url, depth, xml);
    }

    public static DavRequest report(URI url, int depth, String xml) {
        return xml("REPORT", url, depth, xml);
    }

    public static DavRequest mkcalendar(URI url, String xml) {
        return new DavRequest("MKCALENDAR", url, Map.of(), utf8(xml), XML);
    }

    public static DavRequest proppatch(URI url, String xml) {
        return new DavRequest("PROPPATCH", url, Map.of(), utf8(xml), XML);
    }

    public static DavRequest get(URI url) {
        return new DavRequest("GET", url, Map.of("Accept", "text/calendar"), null, null);
    }

    /** PUT of calendar data under a precondition. */
    public static DavRequest put(URI url, String ics, Precondition precondition) {
        return new DavRequest("PUT", url, precondition.headers(), utf8(ics), CALENDAR);
    }

    /** PUT that only creates: fails with 412 when something is already there. */
    public static DavRequest putNew(URI url, String ics) {
        return put(url, ics, Precondition.createOnly());
    }

    /** PUT that only replaces the given version. */
    public static DavRequest putReplacing(URI url, String ics, String etag) {
        return put(url, ics, Precondition.ifMatch(etag));
    }

    /** PUT without preconditions (for tests and tools that act like another client). */
    public static DavRequest put(URI url, String ics) {
        return put(url, ics, Precondition.none());
    }

    /** DELETE under a precondition (the event code always sends the version it holds). */
    public static DavRequest delete(URI url, Precondition precondition) {
        return new DavRequest("DELETE", url, precondition.headers(), null, null);
    }

    /** The same request sent to another URL (a redirect target). */
    public DavRequest to(URI target) {
        return new DavRequest(method, target, headers, body, contentType);
    }

    private static DavRequest xml(String method, URI url, int depth, String xml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Depth", Integer.toString(depth));
        headers.put("Accept", "application/xml, text/xml");
        return new DavRequest(method, url, headers, utf8(xml), XML);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}
