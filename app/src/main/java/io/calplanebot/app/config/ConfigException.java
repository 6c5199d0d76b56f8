package io.calplanebot.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; the message lists every problem at once. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super("Invalid configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"))
                + "\nSet these in the environment or in the .env file (see docs/configuration.md and .env.example).");
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
