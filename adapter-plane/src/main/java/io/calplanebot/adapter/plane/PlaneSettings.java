package io.calplanebot.adapter.plane;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach one Plane workspace.
 *
 * @param baseUrl            the instance origin, e.g. {@code https://plane.example.com}; a pasted {@code /api/v1} or
 *                           {@code /api} suffix, trailing slashes and a query are dropped
 * @param apiKey             the API token ({@code plane_api_…}); may be blank, in which case Plane answers 401
 * @param workspaceSlug      the workspace slug, as in {@code https://plane.example.com/<slug>/…}: letters, digits,
 *                           {@code -} and {@code _}
 * @param projects           optional filter: project identifiers (e.g. {@code MOB}) or ids; empty means every project
 * @param perPage            page size sent with every listing request (1–1000, Plane's maximum)
 * @param rateLimitPerMinute requests per minute this client allows itself (Plane's default budget is 60 per key)
 * @param connectTimeout     TCP connect timeout
 * @param responseTimeout    how long to wait for a response (and between bytes of it)
 * @param maxAttempts        attempts per request for 429, 5xx and network errors (1 means no retry)
 * @param retryBackoff       first wait before retrying a 5xx or network error; doubles on each attempt
 * @param maxRetryAfter      the longest {@code Retry-After} this client waits on a 429
 * @throws InvalidPlaneSettingsException naming every invalid setting
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

    public static final int DEFAULT_PER_PAGE = 1000;
    public static final int MAX_PER_PAGE = 1000;
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
    private static final List<String> API_SUFFIXES = List.of("/api/v1", "/api");

    public PlaneSettings {
        Map<String, String> invalid = new LinkedHashMap<>();
        baseUrl = origin(baseUrl, invalid);
        apiKey = apiKey == null ? "" : apiKey.strip();
        workspaceSlug = workspaceSlug == null ? "" : workspaceSlug.strip();
        if (!workspaceSlug.matches("[A-Za-z0-9_-]+")) {
            invalid.put("workspaceSlug", workspaceSlug.isEmpty() ? "Plane workspace slug is not set"
                    : "Plane workspace slug may only hold letters, digits, '-' and '_'");
        }
        projects = projects == null ? List.of() : projects.stream().map(String::strip).filter(p -> !p.isEmpty())
                .toList();
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            invalid.put("perPage", "per_page must be between 1 and " + MAX_PER_PAGE + ": " + perPage);
        }
        if (rateLimitPerMinute < 1) {
            invalid.put("rateLimitPerMinute", "rate limit must be at least 1 request per minute");
        }
        requirePositive(connectTimeout, "connectTimeout", invalid);
        requirePositive(responseTimeout, "responseTimeout", invalid);
        requirePositive(retryBackoff, "retryBackoff", invalid);
        requirePositive(maxRetryAfter, "maxRetryAfter", invalid);
        if (maxAttempts < 1) {
            invalid.put("maxAttempts", "maxAttempts must be at least 1");
        }
        if (!invalid.isEmpty()) {
            throw new InvalidPlaneSettingsException(invalid);
        }
    }

    /** The instance origin: an http(s) URL without query, trailing slashes or a pasted {@code /api/v1} suffix. */
    private static URI origin(URI baseUrl, Map<String, String> invalid) {
        if (baseUrl == null) {
            invalid.put("baseUrl", "Plane base URL is not set");
            return null;
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            invalid.put("baseUrl", "Plane base URL must be an http(s) address such as "
                    + "https://plane.example.com, not " + baseUrl);
            return baseUrl;
        }
        String text = baseUrl.toString();
        int cut = text.indexOf('?') >= 0 ? text.indexOf('?') : text.indexOf('#');
        if (cut >= 0) {
            text = text.substring(0, cut);
        }
        text = withoutTrailingSlashes(text);
        for (String suffix : API_SUFFIXES) {
            if (text.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                text = withoutTrailingSlashes(text.substring(0, text.length() - suffix.length()));
                break;
            }
        }
        return URI.create(text);
    }

    private static String withoutTrailingSlashes(String text) {
        return text.replaceAll("/+$", "");
    }

    private static void requirePositive(Duration value, String name, Map<String, String> invalid) {
        if (value == null || value.isNegative() || value.isZero()) {
            invalid.put(name, name + " must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API root: the origin plus {@code /api/v1/}, whatever form of the base URL was configured. */
    public URI apiBase() {
        return URI.create(baseUrl + "/api/v1/");
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

        /** Reads the base URL; a text that is no URL is refused naming the setting {@code baseUrl}. */
        public Builder baseUrl(String value) {
            try {
                this.baseUrl = value == null ? null : new URI(value.strip());
            } catch (URISyntaxException e) {
                throw new InvalidPlaneSettingsException(Map.of("baseUrl",
                        "Plane base URL is not a valid URL: " + e.getReason()));
            }
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
