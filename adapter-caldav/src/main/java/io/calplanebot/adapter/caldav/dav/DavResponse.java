package io.calplanebot.adapter.caldav.dav;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server's answer, fully read.
 *
 * @param headers header values by lower-case name
 */
public record DavResponse(String method, URI url, int status, String reason, Map<String, List<String>> headers,
                          byte[] body) {
    private static final int EXCERPT = 300;

    public DavResponse {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isMultiStatus() {
        return status == 207;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The ETag header exactly as sent (quotes included), if any. */
    public Optional<String> etag() {
        return header("ETag").map(String::strip).filter(e -> !e.isEmpty());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as a multistatus, hrefs resolved against the request URL. */
    public MultiStatus multiStatus() {
        return MultiStatusParser.parse(body, url);
    }

    /** CalDAV/WebDAV precondition names from a DAV:error body, if the server sent one. */
    public List<javax.xml.namespace.QName> errorConditions() {
        return MultiStatusParser.errorConditions(body);
    }

    /** The start of the body on one line, for error messages. */
    public String excerpt() {
        String text = bodyText().replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    /** {@code 412 Precondition Failed}. */
    public String statusLine() {
        return reason == null || reason.isBlank() ? Integer.toString(status) : status + " " + reason;
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + statusLine();
    }
}
