package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.Issue;

import java.util.List;

/**
 * A project's issues as listed by the source.
 *
 * @param complete false when the source knows it left issues out (for example an item it could not read);
 *                 an incomplete listing never leads to deletions
 */
public record IssueListing(List<Issue> issues, boolean complete) {
    public IssueListing {
        issues = List.copyOf(issues);
    }

    public static IssueListing complete(List<Issue> issues) {
        return new IssueListing(issues, true);
    }
}
