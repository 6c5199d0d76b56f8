package io.calplanebot.app.config;

/**
 * One missing or invalid configuration variable.
 *
 * @param variable the variable's name
 * @param problem  what is wrong, never quoting a secret's value
 * @param expected what a valid value looks like
 */
public record ConfigProblem(String variable, String problem, String expected) {

    @Override
    public String toString() {
        return variable + ": " + problem + " (expected " + expected + ")";
    }
}
