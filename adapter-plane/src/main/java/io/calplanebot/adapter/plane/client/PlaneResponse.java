package io.calplanebot.adapter.plane.client;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP answer from Plane, read completely.
 *
 * @param status      the HTTP status
 * @param body        the (decompressed) body bytes
 * @param contentType the Content-Type header, if any
 * @param location    the Location header, if any (redirects)
 * @param retryAfter  the Retry-After header, if any
 */
public record PlaneResponse(int status, byte[] body, Optional<String> contentType, Optional<String> location,
                            Optional<String> retryAfter) {

    public PlaneResponse {
        body = body == null ? new byte[0] : body;
    }

    /** The start of the body as text, for error messages (Plane's error bodies never hold the key). */
    public String excerpt(int max) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
