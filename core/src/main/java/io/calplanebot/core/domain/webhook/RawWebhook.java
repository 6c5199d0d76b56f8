package io.calplanebot.core.domain.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A webhook delivery exactly as received: headers (names case-insensitive) and the raw body bytes. */
public final class RawWebhook {
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public RawWebhook(Map<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> normalized = new TreeMap<>();
        headers.forEach((name, values) -> normalized
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                .addAll(values));
        normalized.replaceAll((k, v) -> List.copyOf(v));
        this.headers = java.util.Collections.unmodifiableMap(normalized);
        this.body = body.clone();
    }

    /** Convenience for single-valued headers. */
    public static RawWebhook of(Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new TreeMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new RawWebhook(multi, body);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawWebhook other && headers.equals(other.headers) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * headers.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawWebhook[" + body.length + " bytes, headers=" + headers.keySet() + "]";
    }
}
