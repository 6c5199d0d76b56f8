package io.calplanebot.app.wiring;

import org.slf4j.LoggerFactory;

/** Closes replaced adapters (their HTTP connection pools) without letting a close failure stop a reload. */
final class Closing {
    private Closing() {
    }

    static void quietly(Object resource) {
        if (resource instanceof AutoCloseable) {
            try {
                ((AutoCloseable) resource).close();
            } catch (Exception e) {
                LoggerFactory.getLogger(Closing.class).debug("Closing a replaced adapter failed: {}", e.toString());
            }
        }
    }
}
