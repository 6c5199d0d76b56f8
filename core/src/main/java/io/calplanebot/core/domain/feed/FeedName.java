package io.calplanebot.core.domain.feed;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a subscribable feed: a short slug (lower-case letters, digits, {@code -} and {@code _}, 1 to 64
 * characters, starting with a letter or digit), used in {@code feeds revoke NAME} and shown to subscribers as the
 * calendar's name.
 */
public record FeedName(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public FeedName {
        Objects.requireNonNull(value, "feed name");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("a feed name is a short slug (a-z, 0-9, '-' and '_', up to 64"
                    + " characters, starting with a letter or digit), got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
