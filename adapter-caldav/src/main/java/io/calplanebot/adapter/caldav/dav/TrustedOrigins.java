package io.calplanebot.adapter.caldav.dav;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The origins credentials may go to: the configured one, and those a redirect led to on the same host (never
 * from https to http).
 */
final class TrustedOrigins {
    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    TrustedOrigins(URI configured) {
        origins.add(Hrefs.origin(configured));
    }

    /** Trusts {@code to} when {@code from} is trusted, on the same host, and not a downgrade to http. */
    void redirected(URI from, URI to) {
        URI fromCanonical = Hrefs.canonical(from);
        URI toCanonical = Hrefs.canonical(to);
        boolean sameHost = fromCanonical.getHost() != null && fromCanonical.getHost().equals(toCanonical.getHost());
        boolean downgrade = "https".equals(fromCanonical.getScheme()) && "http".equals(toCanonical.getScheme());
        if (contains(from) && sameHost && !downgrade) {
            origins.add(Hrefs.origin(to));
        }
    }

    boolean contains(URI url) {
        return origins.contains(Hrefs.origin(url));
    }

    /** For an HttpClient auth scope: scheme may be unknown (null), port may be unknown (negative). */
    boolean contains(String protocol, String host, int port) {
        if (host == null) {
            return false;
        }
        for (String origin : origins) {
            URI uri = URI.create(origin);
            int originPort = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            boolean schemeMatches = protocol == null || protocol.equalsIgnoreCase(uri.getScheme());
            if (schemeMatches && host.equalsIgnoreCase(uri.getHost()) && (port < 0 || port == originPort)) {
                return true;
            }
        }
        return false;
    }
}
