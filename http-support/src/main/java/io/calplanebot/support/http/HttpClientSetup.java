package io.calplanebot.support.http;

import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one way the adapters build an Apache HttpClient 5: a connection pool with connect and read timeouts, and
 * none of the client's own redirects, retries or cookies (redirects are followed by the caller where wanted,
 * retries are resilience4j's, see {@link ResilienceSetup}).
 */
public final class HttpClientSetup {
    private final String userAgent;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxPerRoute;
    private int maxTotal;
    private boolean compression = true;
    private CredentialsProvider credentials;
    private String preferredAuthScheme;
    private Supplier<TlsSocketStrategy> tls = DefaultClientTlsStrategy::createDefault;

    private HttpClientSetup(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "user agent");
    }

    public static HttpClientSetup forAgent(String userAgent) {
        return new HttpClientSetup(userAgent);
    }

    /** How long to wait for a connection, and for an answer (and between bytes of it). */
    public HttpClientSetup timeouts(Duration connect, Duration read) {
        this.connectTimeout = Objects.requireNonNull(connect, "connect timeout");
        this.readTimeout = Objects.requireNonNull(read, "read timeout");
        return this;
    }

    /** Connections per route and in total; without this call HttpClient's defaults apply. */
    public HttpClientSetup pool(int perRoute, int total) {
        this.maxPerRoute = perRoute;
        this.maxTotal = total;
        return this;
    }

    /** Sends no Accept-Encoding and decodes nothing (compression can change a WebDAV ETag). */
    public HttpClientSetup withoutCompression() {
        this.compression = false;
        return this;
    }

    /** Credentials for challenge-based authentication, and the scheme to prefer when several are offered. */
    public HttpClientSetup credentials(CredentialsProvider provider, String preferredScheme) {
        this.credentials = Objects.requireNonNull(provider, "credentials provider");
        this.preferredAuthScheme = Objects.requireNonNull(preferredScheme, "auth scheme");
        return this;
    }

    /** How {@code https} connections are made (the JVM's trusted certificates by default); built at the first one. */
    HttpClientSetup tls(Supplier<TlsSocketStrategy> strategy) {
        this.tls = Objects.requireNonNull(strategy, "TLS strategy");
        return this;
    }

    public CloseableHttpClient build() {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new LazyTlsStrategy(tls))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(connectTimeout))
                        .setSocketTimeout(timeout(readTimeout))
                        .build());
        if (maxPerRoute > 0) {
            pool.setMaxConnPerRoute(maxPerRoute).setMaxConnTotal(maxTotal);
        }
        RequestConfig.Builder request = RequestConfig.custom()
                .setResponseTimeout(timeout(readTimeout))
                .setRedirectsEnabled(false);
        if (preferredAuthScheme != null) {
            request.setTargetPreferredAuthSchemes(List.of(preferredAuthScheme));
        }
        HttpClientBuilder client = HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(request.build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(userAgent);
        if (!compression) {
            client.disableContentCompression();
        }
        if (credentials != null) {
            client.setDefaultCredentialsProvider(credentials);
        }
        return client.build();
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(duration.toMillis());
    }
}
