package io.calplanebot.app.config;

import java.nio.file.Path;

/**
 * Logging.
 *
 * @param level one of TRACE, DEBUG, INFO, WARN, ERROR (WARNING is read as WARN)
 */
public record LogConfig(String level, LogFormat format, Path directory) {
}
