package io.calplanebot.adapter.plane;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link PlaneSettings} were refused: every invalid setting with the reason, so a caller that reads them from
 * named variables can say which variable is wrong. The reasons never quote the API key.
 */
public final class InvalidPlaneSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> reasons;

    /** @param reasons the reason per setting, named as the {@link PlaneSettings} component, in a stable order */
    public InvalidPlaneSettingsException(Map<String, String> reasons) {
        super(String.join("; ", reasons.values()));
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** The reason per invalid setting, keyed by the {@link PlaneSettings} component name, e.g. {@code perPage}. */
    public Map<String, String> reasons() {
        return reasons;
    }
}
