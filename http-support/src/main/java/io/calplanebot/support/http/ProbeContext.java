package io.calplanebot.support.http;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.List;

/**
 * The context of one request that must give up after about {@code timeout}: waiting for a pooled connection,
 * connecting and waiting for the answer are each bounded by it (a health probe's request, sent once).
 */
public final class ProbeContext {
    private ProbeContext() {
    }

    /** A fresh context; {@code preferredAuthScheme} may be null. */
    @SuppressWarnings("deprecation") // a per-request connect timeout: the pool's connection config is the client's
    public static HttpClientContext within(Duration timeout, String preferredAuthScheme) {
        Timeout limit = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
        RequestConfig.Builder config = RequestConfig.custom()
                .setConnectionRequestTimeout(limit)
                .setConnectTimeout(limit)
                .setResponseTimeout(limit)
                .setRedirectsEnabled(false);
        if (preferredAuthScheme != null) {
            config.setTargetPreferredAuthSchemes(List.of(preferredAuthScheme));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config.build());
        return context;
    }
}
