package io.calplanebot.adapter.plane;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one Plane workspace.
 *
 * @param baseUrl            the instance origin, e.g. {@code https://plane.example.com}; a pasted {@code /api/v1} suffix
 *                           is tolerated
 * @param apiKey             the API token ({@code plane_api_…}); may be blank, in which case Plane answers 401
 * @param workspaceSlug      the workspace slug, as in {@code https://plane.example.com/<slug>/…}
 * @param projects           optional filter: project identifiers (e.g. {@code MOB}) or ids; empty means every project
 * @param perPage            page size sent with every listing request (1–1000, Plane's maximum)
 * @param rateLimitPerMinute requests per minute this client allows itself (Plane's default budget is 60 per key)
 * @param connectTimeout     TCP connect timeout
 * @param responseTimeout    how long to wait for a response (and between bytes of it)
 * @param maxAttempts        attempts per request for 429, 5xx and network errors (1 means no retry)
 * @param retryBackoff       first wait before retrying a 5xx or network error; doubles on each attempt
 * @param maxRetryAfter      the longest {@code Retry-After} this client waits on a 429
 */
public record PlaneSettings(
        URI baseUrl,
        String apiKey,
        String workspaceSlug,
        List<String> projects,
        int perPage,
        int rateLimitPerMinute,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxAttempts,
        Duration retryBackoff,
        Duration maxRetryAfter) {

    public static final int DEFAULT_PER_PAGE = 100;
    public static final int MAX_PER_PAGE = 1000;
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 60;

    public PlaneSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Plane base URL must be an http(s) address such as "
                    + "https://plane.example.com, not " + baseUrl);
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
        workspaceSlug = Objects.requireNonNull(workspaceSlug, "workspaceSlug").strip();
        if (workspaceSlug.isEmpty() || workspaceSlug.contains("/")) {
            throw new IllegalArgumentException("Plane workspace slug must be a single non-empty path segment");
        }
        projects = projects == null ? List.of() : projects.stream().map(String::strip).filter(p -> !p.isEmpty())
                .toList();
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be between 1 and " + MAX_PER_PAGE + ": " + perPage);
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per minute");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(retryBackoff, "retryBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API root, always ending in {@code /api/v1/}, whatever form of the base URL was configured. */
    public URI apiBase() {
        String text = baseUrl.toString();
        int cut = text.indexOf('?') >= 0 ? text.indexOf('?') : text.indexOf('#');
        if (cut >= 0) {
            text = text.substring(0, cut);
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.toLowerCase(Locale.ROOT).endsWith("/api/v1")) {
            text = text.substring(0, text.length() - "/api/v1".length());
        }
        return URI.create(text + "/api/v1/");
    }

    /** Whether the API key is set at all. */
    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "PlaneSettings[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(missing)")
                + ", workspaceSlug=" + workspaceSlug + ", projects=" + projects + ", perPage=" + perPage
                + ", rateLimitPerMinute=" + rateLimitPerMinute + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", maxAttempts=" + maxAttempts
                + ", retryBackoff=" + retryBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds {@link PlaneSettings} with the defaults above. */
    public static final class Builder {
        private URI baseUrl;
        private String apiKey = "";
        private String workspaceSlug;
        private List<String> projects = List.of();
        private int perPage = DEFAULT_PER_PAGE;
        private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 6;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private Duration maxRetryAfter = Duration.ofMinutes(2);

        private Builder() {
        }

        public Builder baseUrl(String value) {
            try {
                this.baseUrl = new URI(Objects.requireNonNull(value, "baseUrl").strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Plane base URL is not a valid URL: " + e.getReason(), e);
            }
            return this;
        }

        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        public Builder workspaceSlug(String value) {
            this.workspaceSlug = value;
            return this;
        }

        public Builder projects(List<String> value) {
            this.projects = List.copyOf(value);
            return this;
        }

        public Builder perPage(int value) {
            this.perPage = value;
            return this;
        }

        public Builder rateLimitPerMinute(int value) {
            this.rateLimitPerMinute = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder retryBackoff(Duration value) {
            this.retryBackoff = value;
            return this;
        }

        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = value;
            return this;
        }

        public PlaneSettings build() {
            return new PlaneSettings(baseUrl, apiKey, workspaceSlug, projects, perPage, rateLimitPerMinute,
                    connectTimeout, responseTimeout, maxAttempts, retryBackoff, maxRetryAfter);
        }
    }
}
