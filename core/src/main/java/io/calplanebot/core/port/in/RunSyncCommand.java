package io.calplanebot.core.port.in;

import java.util.Set;

/**
 * How to run a full sync.
 *
 * @param projects    project identifiers or ids to limit this run to; empty means every project
 * @param forceDelete apply deletions even when the mass-deletion guard would refuse them
 * @param dryRun      plan only: report what would change and write nothing (not even calendars)
 */
public record RunSyncCommand(Set<String> projects, boolean forceDelete, boolean dryRun) {
    public RunSyncCommand {
        projects = Set.copyOf(projects);
    }

    public static RunSyncCommand everything() {
        return new RunSyncCommand(Set.of(), false, false);
    }

    public static RunSyncCommand dryRunOfEverything() {
        return new RunSyncCommand(Set.of(), false, true);
    }
}
