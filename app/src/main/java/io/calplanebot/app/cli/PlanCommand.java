package io.calplanebot.app.cli;

import io.calplanebot.adapter.builtin.DataDirectoryInUseException;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.SyncListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A dry run: what a sync would create, update and delete. Writes nothing, not even calendars. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a full sync would create, update and delete, without writing anything.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    private Cli parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SyncOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SyncReport> found;
        try {
            found = SyncCommand.run(parent, spec, options, true, registry -> SyncListener.NONE);
        } catch (DataDirectoryInUseException e) {
            return CommandSupport.dataDirectoryInUse(e, spec.commandLine().getErr());
        }
        if (found.isEmpty()) {
            return Cli.EXIT_CONFIG;
        }
        SyncReport report = found.get();
        CalendarNames calendars = new CalendarNames(report);
        Table table = new Table("TARGET", "ACTION", "DATE", "EVENT", "CALENDAR", "WHY");
        for (ActionOutcome outcome : report.outcomes()) {
            table.row(outcome.target(), outcome.action().name().toLowerCase(Locale.ROOT),
                    outcome.date().map(LocalDate::toString).orElse("-"), outcome.summary(),
                    calendars.of(outcome.calendar()), outcome.reason().orElse(""));
        }
        if (table.size() == 0) {
            out.println("Nothing to do: every calendar already matches Plane.");
        } else {
            table.print(out);
        }
        SyncCommand.print(report, out);
        return SyncCommand.exitCode(report.result());
    }
}
