package io.calplanebot.adapter.caldav.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request a {@link RecordingServer} received.
 *
 * @param headers values by lower-case header name
 */
public record RecordedExchange(String method, String path, Map<String, List<String>> headers, String body) {
    public RecordedExchange {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
