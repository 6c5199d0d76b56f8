package io.calplanebot.core.domain.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 hash of a feed token, in lower-case hex: what is stored instead of the token. Two hashes are compared
 * in constant time ({@link #sameAs}).
 */
public record TokenHash(String hex) {
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        Objects.requireNonNull(hex, "token hash");
        if (!HEX_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits (SHA-256)");
        }
    }

    /** The hash of a token as it appears in a feed URL. */
    public static TokenHash of(String token) {
        Objects.requireNonNull(token, "token");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether both are the same hash, compared in time that does not depend on where they differ. */
    public boolean sameAs(TokenHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
