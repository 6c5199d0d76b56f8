package io.calplanebot.app.wiring;

import org.slf4j.LoggerFactory;

/** Closes retired adapters (their HTTP connection pools) without letting a close failure stop a reload. */
final class Closing {
    private Closing() {
    }

    /** {@code resource} as something to close, or a no-op when it holds nothing to close. */
    static AutoCloseable of(Object resource) {
        if (resource instanceof AutoCloseable) {
            AutoCloseable closeable = (AutoCloseable) resource;
            return () -> {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger(Closing.class).debug("Closing a retired adapter failed: {}", e.toString());
                }
            };
        }
        return () -> {
        };
    }
}
