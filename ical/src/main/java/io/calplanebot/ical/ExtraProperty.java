package io.calplanebot.ical;

import java.util.List;
import java.util.Objects;

/**
 * An X- property written beside an event's managed content, e.g. {@code X-PLANE-ASSIGNEE;EMAIL=…;CN=…:<id>}.
 * The value is TEXT (escaped on output); free text belongs in the parameters, which are quoted as needed.
 */
public record ExtraProperty(String name, List<Parameter> parameters, String value) {
    public ExtraProperty {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("X-") || !isName(name)) {
            throw new IllegalArgumentException("an extra property is an X- name of letters, digits and '-': " + name);
        }
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(value, "value");
    }

    public ExtraProperty(String name, String value) {
        this(name, List.of(), value);
    }

    /** One {@code NAME=value} parameter. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "parameter name");
            if (!isName(name)) {
                throw new IllegalArgumentException("a parameter name is letters, digits and '-': " + name);
            }
            Objects.requireNonNull(value, "parameter value");
        }
    }

    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
