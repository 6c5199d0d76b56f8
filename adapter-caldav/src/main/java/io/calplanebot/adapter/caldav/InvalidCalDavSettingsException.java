package io.calplanebot.adapter.caldav;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link CalDavSettings} (or an {@link AuthType} text) were refused: every invalid setting with the reason, so a
 * caller that reads them from named variables can say which variable is wrong. The reasons never quote the password
 * or credentials found in a URL.
 */
public final class InvalidCalDavSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> reasons;

    /** @param reasons the reason per setting, named as the {@link CalDavSettings} component, in a stable order */
    public InvalidCalDavSettingsException(Map<String, String> reasons) {
        super(String.join("; ", reasons.values()));
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** The reason per invalid setting, keyed by the {@link CalDavSettings} component name, e.g. {@code url}. */
    public Map<String, String> reasons() {
        return reasons;
    }
}
