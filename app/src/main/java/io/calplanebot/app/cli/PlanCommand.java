package io.calplanebot.app.cli;

import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.wiring.Wiring;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.SyncListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** A dry run: what a sync would create, update and delete. Writes nothing, not even calendars. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a full sync would create, update and delete, without writing anything.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    private Cli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "Only this project (identifier or id); repeatable.")
    private List<String> projects = List.of();

    @Option(names = "--force-delete", description = "Plan as if the mass-deletion guard were overridden.")
    private boolean forceDelete;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> config = CommandSupport.load(parent.loader(), err);
        if (config.isEmpty()) {
            return Cli.EXIT_CONFIG;
        }
        CommandSupport.cliLogging(config.get());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Wiring wiring = new Wiring(config.get(), parent.clock(), SyncListener.NONE, registry);
        SyncReport report = wiring.syncService().runFullSync(
                new RunSyncCommand(Set.copyOf(projects), forceDelete || config.get().sync().forceDelete(), true));
        Table table = new Table("ACTION", "EVENT", "CALENDAR", "WHY");
        for (ActionOutcome outcome : report.outcomes()) {
            table.row(outcome.action().name().toLowerCase(Locale.ROOT), outcome.summary(), outcome.calendar(),
                    outcome.reason().orElse(""));
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
