package io.calplanebot.adapter.state;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Text as base64 of its UTF-8 bytes: how the state store keeps free text inside line- and tab-separated columns. */
final class Base64Text {
    private Base64Text() {
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
