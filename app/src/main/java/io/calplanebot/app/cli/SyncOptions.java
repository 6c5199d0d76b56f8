package io.calplanebot.app.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** The options {@code sync} and {@code plan} share. */
final class SyncOptions {
    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "Only this project (identifier or id); repeatable.")
    List<String> projects = List.of();

    @Option(names = "--force-delete",
            description = "Apply (or plan) deletions even when the mass-deletion guard would refuse them.")
    boolean forceDelete;
}
