package io.calplanebot.adapter.caldav.dav;

import io.calplanebot.ical.PercentEncoding;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource URLs as servers write them and as this client compares them. Servers differ in what they
 * percent-encode (Cyrus leaves {@code @} alone, the others send {@code %40}; Xandikos even sends
 * {@code http%3A//host/...} in error responses), so every href is decoded and re-encoded one canonical way:
 * only unreserved characters stay literal.
 */
public final class Hrefs {
    private static final Pattern ABSOLUTE = Pattern.compile("^(https?)://([^/?#]*)([^?#]*)(?:[?#].*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final String UNRESERVED = "-._~";

    private Hrefs() {
    }

    /** An href from a response, resolved against the URL the request went to, in canonical form. */
    public static URI resolve(URI base, String href) {
        String text = href.strip();
        if (text.isEmpty()) {
            return canonical(base);
        }
        Matcher absolute = ABSOLUTE.matcher(text);
        if (absolute.matches()) {
            return build(absolute.group(1), absolute.group(2), absolute.group(3));
        }
        String decoded = decode(text);
        Matcher encodedAbsolute = ABSOLUTE.matcher(decoded);
        if (encodedAbsolute.matches()) {
            return build(encodedAbsolute.group(1), encodedAbsolute.group(2), encodedAbsolute.group(3));
        }
        URI canonicalBase = canonical(base);
        String path = text.startsWith("/") ? stripQuery(text) : directory(canonicalBase.getRawPath()) + stripQuery(text);
        return build(canonicalBase.getScheme(), canonicalBase.getRawAuthority(), normalize(path));
    }

    /** The canonical form of a URL: lower-case scheme and host, path re-encoded, no query or fragment. */
    public static URI canonical(URI uri) {
        Matcher m = ABSOLUTE.matcher(uri.toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an http(s) URL: " + uri);
        }
        return build(m.group(1), m.group(2), m.group(3));
    }

    /** Whether two URLs name the same resource, ignoring encoding differences and a trailing slash. */
    public static boolean sameResource(URI a, URI b) {
        return withoutTrailingSlash(canonical(a)).equals(withoutTrailingSlash(canonical(b)));
    }

    /** The URL with a trailing slash, as collections are addressed. */
    public static URI asCollection(URI uri) {
        URI canonical = canonical(uri);
        String s = canonical.toString();
        return s.endsWith("/") ? canonical : URI.create(s + "/");
    }

    /**
     * A member of a collection, the name percent-encoded as one path segment. An empty name and the dot segments
     * {@code .} and {@code ..} are refused: they would name the collection itself or its parent.
     */
    public static URI child(URI collection, String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a usable resource name: '" + name + "'");
        }
        return URI.create(asCollection(collection) + encodeSegment(name));
    }

    /** A collection member whose segment is the name followed by a slash (a sub-collection). */
    public static URI childCollection(URI collection, String name) {
        return URI.create(child(collection, name) + "/");
    }

    /** The last path segment, decoded; empty for the root. */
    public static String lastSegment(URI uri) {
        String path = withoutTrailingSlash(canonical(uri)).getRawPath();
        return decode(path.substring(path.lastIndexOf('/') + 1));
    }

    /** scheme://host[:port] of a URL, lower-cased. */
    public static String origin(URI uri) {
        URI canonical = canonical(uri);
        return canonical.getScheme() + "://" + canonical.getRawAuthority();
    }

    /** The origin followed by the given absolute path. */
    public static URI atOrigin(URI uri, String absolutePath) {
        return URI.create(origin(uri) + absolutePath);
    }

    /** Percent-decodes (UTF-8); malformed escapes are kept literally. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    raw = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(raw, 0, raw.length);
                i++;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but unreserved characters (RFC 3986), as one path segment. */
    public static String encodeSegment(String segment) {
        return PercentEncoding.encode(segment, UNRESERVED);
    }

    private static URI build(String scheme, String authority, String rawPath) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        StringBuilder encoded = new StringBuilder();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                encoded.append('/');
            }
            encoded.append(encodeSegment(decode(segments[i])));
        }
        return URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT) + encoded);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") && uri.getRawPath().length() > 1 ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    private static String directory(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static String stripQuery(String href) {
        int cut = href.length();
        for (char c : new char[] {'?', '#'}) {
            int at = href.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return href.substring(0, cut);
    }

    private static String normalize(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                out.pollLast();
                if (i == segments.length - 1) {
                    out.addLast("");
                }
            } else if (segment.equals(".")) {
                if (i == segments.length - 1) {
                    out.addLast("");
                }
            } else {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }
}
