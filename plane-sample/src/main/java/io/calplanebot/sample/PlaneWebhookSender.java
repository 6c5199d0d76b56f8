package io.calplanebot.sample;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts webhook deliveries the way Plane's webhook task does (plane-api.md 12.3 and 12.5): {@code POST} with
 * {@code Content-Type: application/json}, {@code User-Agent: Autopilot}, a fresh {@code X-Plane-Delivery} per attempt,
 * {@code X-Plane-Event}, and {@code X-Plane-Signature} = lower-case hex HMAC-SHA256 of the exact body bytes (Python
 * {@code json.dumps} format) when a secret is set. Spec-style deliveries carry {@code sha256=<hex>} instead.
 */
public final class PlaneWebhookSender implements AutoCloseable {
    private final URI target;
    private final Optional<String> secret;
    /** Concurrent deliveries one sender can have in flight (Plane's webhook workers post in parallel). */
    static final int MAX_CONNECTIONS = 64;

    private final CloseableHttpClient http = HttpClients.custom().disableContentCompression()
            .disableAutomaticRetries().disableRedirectHandling()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS).build())
            .build();

    /** @param secret the webhook secret ({@code plane_wh_…}); null sends no signature */
    public PlaneWebhookSender(URI target, String secret) {
        this.target = target;
        this.secret = Optional.ofNullable(secret);
    }

    /** A Plane-style secret: {@code plane_wh_} and 32 lower-case hex characters. */
    public static String newSecret() {
        return "plane_wh_" + UUID.randomUUID().toString().replace("-", "");
    }

    public SentWebhook send(WebhookDelivery delivery) {
        return post(headers(delivery, secret), delivery.body());
    }

    /** Posts any bytes with any headers (for malformed deliveries). */
    public SentWebhook post(Map<String, String> headers, byte[] body) {
        ClassicRequestBuilder request = ClassicRequestBuilder.post(target)
                .setEntity(new ByteArrayEntity(body, ContentType.create("application/json", (Charset) null)));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                request.addHeader(name, value);
            }
        });
        try {
            return http.execute(request.build(), response -> new SentWebhook(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                            StandardCharsets.UTF_8), Map.copyOf(headers), body.clone()));
        } catch (IOException e) {
            throw new UncheckedIOException("posting the webhook to " + target + " failed", e);
        }
    }

    /** The headers Plane sends with this delivery (a fresh X-Plane-Delivery each call). */
    public static Map<String, String> headers(WebhookDelivery delivery, Optional<String> secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Autopilot");
        headers.put("Accept-Encoding", "gzip, deflate");
        headers.put("Accept", "*/*");
        headers.put("X-Plane-Delivery", UUID.randomUUID().toString());
        headers.put("X-Plane-Event", delivery.event());
        secret.ifPresent(s -> headers.put("X-Plane-Signature",
                (delivery.prefixedSignature() ? "sha256=" : "") + sign(delivery.body(), s)));
        return headers;
    }

    /** Lower-case hex HMAC-SHA256 of {@code body} with {@code secret}, exactly as Plane computes it. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(body)) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
