package io.calplanebot.adapter.caldav.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer a {@link RecordingServer} gives: status, headers and body. */
public record CannedAnswer(int status, Map<String, String> headers, String body) {
    public CannedAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static CannedAnswer status(int status) {
        return new CannedAnswer(status, Map.of(), "");
    }

    /** A 207 with a multistatus body. */
    public static CannedAnswer multiStatus(String xml) {
        return new CannedAnswer(207, Map.of("Content-Type", "application/xml; charset=utf-8"), xml);
    }

    public CannedAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CannedAnswer(status, more, body);
    }

    public CannedAnswer withBody(String contentType, String text) {
        return new CannedAnswer(status, headers, text).withHeader("Content-Type", contentType);
    }
}
