package io.calplanebot.app.logging;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for the JSON log format: JSON already escapes C0 control characters; this adds DEL, the C1 controls
 * and U+2028/U+2029, which some log readers take for line ends.
 */
final class ControlCharacterEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    ControlCharacterEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return LogEscaping.needsEscape(ch) ? new SerializedString(LogEscaping.escape(ch)) : null;
    }
}
