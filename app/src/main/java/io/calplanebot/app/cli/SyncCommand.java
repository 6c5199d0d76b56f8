package io.calplanebot.app.cli;

import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.observe.ObservingSyncListener;
import io.calplanebot.adapter.builtin.DataDirectoryInUseException;
import io.calplanebot.app.wiring.Wiring;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.SyncListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One full sync with a progress display and a summary table. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Run one full sync now, show its progress and a summary, then exit "
                + "(0 success, 1 partial, 2 failed).")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    private Cli parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SyncOptions options;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<SyncReport> report;
        try {
            report = run(parent, spec, options, false,
                    registry -> new ProgressPrinter(err, new ObservingSyncListener(registry)));
        } catch (DataDirectoryInUseException e) {
            return CommandSupport.dataDirectoryInUse(e, err);
        }
        report.ifPresent(r -> print(r, spec.commandLine().getOut()));
        return report.map(r -> exitCode(r.result())).orElse(Cli.EXIT_CONFIG);
    }

    /**
     * Loads the configuration and runs one full sync (or dry run) over the real adapters; empty when the
     * configuration is invalid (its problems are printed to the command's error stream).
     *
     * @throws ParameterException when {@code --project} names a project Plane does not list (a usage error)
     */
    static Optional<SyncReport> run(Cli cli, CommandSpec spec, SyncOptions options, boolean dryRun,
                                    Function<MeterRegistry, SyncListener> listener) {
        Optional<AppConfig> config = CommandSupport.load(cli.loader(), spec.commandLine().getErr());
        if (config.isEmpty()) {
            return Optional.empty();
        }
        CommandSupport.cliLogging(config.get());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Wiring wiring = new Wiring(config.get(), cli.clock(), listener.apply(registry), registry)) {
            requireKnownProjects(options.projects, wiring.engine().runtime().issues(), spec);
            boolean force = options.forceDelete || config.get().sync().forceDelete();
            return Optional.of(wiring.engine().fullSync().runFullSync(
                    new RunSyncCommand(Set.copyOf(options.projects), force, dryRun)));
        }
    }

    /**
     * Refuses {@code --project} values that match no project Plane lists (by identifier, any case, or id), naming
     * the ones that do. When Plane cannot be asked, the sync itself reports that.
     */
    private static void requireKnownProjects(List<String> wanted, IssueSource source, CommandSpec spec) {
        if (wanted.isEmpty()) {
            return;
        }
        List<Project> projects;
        try {
            projects = source.listProjects();
        } catch (IssueSourceException e) {
            return;
        }
        List<String> unknown = wanted.stream().filter(w -> projects.stream().noneMatch(p -> w.strip().equals(p.id())
                || w.strip().equalsIgnoreCase(p.identifier()))).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            String valid = projects.isEmpty() ? "none (check PLANE_PROJECTS and the API key's project memberships)"
                    : projects.stream().map(p -> p.identifier() + " (" + p.name() + ")")
                    .collect(Collectors.joining(", "));
            throw new ParameterException(spec.commandLine(), "Unknown project " + String.join(", ", unknown)
                    + " for --project. Projects to choose from: " + valid);
        }
    }

    static void print(SyncReport report, PrintWriter out) {
        CalendarNames calendars = new CalendarNames(report);
        Table table = new Table("PROJECT", "NAME", "CALENDAR", "ISSUES", "DATED", "LISTING", "STATUS");
        for (ProjectResult project : report.projects()) {
            table.row(project.identifier(), project.name(), calendars.of(project.calendar()), project.issues(),
                    project.datedIssues(),
                    project.listingComplete() ? "complete" : "incomplete",
                    project.error().isPresent() ? "error" : "ok");
        }
        out.println();
        table.print(out);
        SyncCounts counts = report.counts();
        out.println();
        Table totals = new Table("TARGET", report.dryRun() ? "WOULD CHANGE" : "CREATED", "UPDATED", "DELETED",
                "UNCHANGED", "FAILED", "RESULT", "SECONDS");
        for (TargetReport target : report.targets()) {
            SyncCounts part = target.counts();
            totals.row(target.target(), report.dryRun() ? part.planned() : part.created(),
                    report.dryRun() ? "-" : part.updated(), report.dryRun() ? "-" : part.deleted(), part.unchanged(),
                    part.failed(), target.result().wireName(), "");
        }
        totals.row(report.targets().size() == 1 ? "" : "all", report.dryRun() ? counts.planned() : counts.created(),
                report.dryRun() ? "-" : counts.updated(), report.dryRun() ? "-" : counts.deleted(),
                counts.unchanged(), counts.failed(), report.result().wireName(),
                String.format(Locale.ROOT, "%.2f", report.duration().toMillis() / 1000.0));
        totals.print(out);
        if (!report.errors().isEmpty()) {
            out.println();
            out.println("Problems:");
            for (String error : report.errors()) {
                out.println("  - " + error);
            }
        }
        out.flush();
    }

    static int exitCode(RunResult result) {
        switch (result) {
            case SUCCESS:
                return 0;
            case PARTIAL:
                return Cli.EXIT_PARTIAL;
            default:
                return Cli.EXIT_FAILED;
        }
    }
}
