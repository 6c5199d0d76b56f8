package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.EventVersion;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** An event file's version: the first 128 bits of the SHA-256 of its bytes, in hex, quoted like an HTTP ETag. */
final class Etags {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Etags() {
    }

    static EventVersion of(byte[] bytes) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        char[] text = new char[34];
        text[0] = '"';
        for (int i = 0; i < 16; i++) {
            text[1 + 2 * i] = HEX[(hash[i] >> 4) & 0xf];
            text[2 + 2 * i] = HEX[hash[i] & 0xf];
        }
        text[33] = '"';
        return new EventVersion(new String(text));
    }
}
