package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.SyncListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One full sync on one runtime: list the projects; then list every project's issues once and map them, while each
 * target's calendars are prepared and listed on the sync's worker threads; then sync each target (see
 * {@link TargetSync}), a local one (the built-in store) on a worker at the same time as the others. A target that
 * fails does not keep the others from being written.
 */
final class FullSyncRun {
    private final String syncId;
    private final RunSyncCommand command;
    private final SyncRuntime runtime;
    private final IssueSource source;
    private final IssueLocks locks;
    private final SyncListener listener;
    private final Clock clock;
    private final Instant startedAt;
    private final List<String> errors = new ArrayList<>();
    private final List<ProjectResult> projectResults = new ArrayList<>();
    private final List<ActionOutcome> outcomes = new ArrayList<>();
    private final List<TargetReport> targetReports = new ArrayList<>();
    private final Map<String, Issue> listedByUid = new LinkedHashMap<>();
    private final ChangeMemory memory;
    private final Writers writers;
    private int unchanged;
    /** What the listener hears each write under, whichever target wrote it. */
    private final Object listening = new Object();

    FullSyncRun(String syncId, RunSyncCommand command, SyncRuntime runtime, IssueLocks locks, SyncListener listener,
                Clock clock, ChangeMemory memory, Writers writers) {
        this.memory = memory;
        this.writers = writers;
        this.syncId = syncId;
        this.command = command;
        this.runtime = runtime;
        this.source = runtime.issues();
        this.locks = locks;
        this.listener = listener;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    SyncReport run() {
        List<Project> all;
        List<Project> projects;
        memory.writes().fullSyncStarts();
        memory.events().belongTo(runtime);
        try {
            all = source.listProjects();
            memory.projects().listed(all);
            projects = selected(all);
            listener.issueSourceObserved(Optional.empty());
        } catch (IssueSourceException e) {
            listener.issueSourceObserved(PeerProblems.of(e));
            errors.add("Could not list projects: " + e.getMessage());
            return report(RunResult.FAILED);
        }
        List<Project> others = new ArrayList<>(all);
        others.removeAll(projects);
        List<SyncTarget> targets = runtime.targets();
        List<TargetSync> syncs = new ArrayList<>();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (SyncTarget target : targets) {
            TargetSync sync = new TargetSync(target, command, locks, listener, this::desiredNow, this::refusal,
                    writers, memory.events(), runtime, listening);
            syncs.add(sync);
            reads.add(onWorkers(() -> sync.read(projects, others)));
        }
        List<ProjectListing> listings = new ArrayList<>();
        try {
            for (Project project : projects) {
                listings.add(list(project));
            }
        } catch (RuntimeException | Error e) {
            reads.forEach(read -> read.handle((done, failure) -> null).join());
            throw e;
        }
        boolean several = targets.size() > 1;
        for (TargetReport report : runTargets(targets, syncs, reads, listings)) {
            targetReports.add(report);
            outcomes.addAll(report.outcomes());
            unchanged += report.unchanged();
            String name = report.target();
            report.errors().forEach(error -> errors.add(several ? "[" + name + "] " + error : error));
        }
        for (ProjectListing listing : listings) {
            projectResults.add(resultOf(listing, syncs.get(0)));
        }
        if (!command.dryRun()) {
            recordApplied(listings, syncs);
        }
        return report(result());
    }

    /**
     * Plans each target once its calendars are read, one after another here (in a new process the second plan runs
     * on code the first one made the JIT compile), then writes them and returns their reports in the targets' order.
     * A local target (the built-in store) with something to write is written on a worker at the same time as the
     * others, which are written here one after another; this returns once every target is done, also when one of
     * them stopped on an unexpected error.
     */
    private List<TargetReport> runTargets(List<SyncTarget> targets, List<TargetSync> syncs,
                                          List<CompletableFuture<Void>> reads, List<ProjectListing> listings) {
        for (int i = 0; i < syncs.size(); i++) {
            await(reads.get(i));
            syncs.get(i).plan(listings);
        }
        List<CompletableFuture<TargetReport>> writes = new ArrayList<>();
        for (int i = 0; i < syncs.size(); i++) {
            TargetSync sync = syncs.get(i);
            writes.add(targets.get(i).local() && targets.size() > 1 && sync.writes()
                    ? CompletableFuture.supplyAsync(sync::write, worker())
                    : null);
        }
        try {
            for (int i = 0; i < syncs.size(); i++) {
                if (writes.get(i) == null) {
                    writes.set(i, CompletableFuture.completedFuture(syncs.get(i).write()));
                }
            }
        } finally {
            writes.forEach(write -> {
                if (write != null) {
                    write.handle((done, failure) -> null).join();
                }
            });
        }
        List<TargetReport> reports = new ArrayList<>();
        for (CompletableFuture<TargetReport> write : writes) {
            reports.add(await(write));
        }
        return reports;
    }

    /** The sync's workers, or this thread when they take no more work. */
    private Executor worker() {
        return work -> {
            try {
                writers.executor().execute(work);
            } catch (RejectedExecutionException e) {
                work.run();
            }
        };
    }

    /**
     * Starts work on the sync's worker threads (listing a target's calendars), so that the calendar servers answer
     * while the issue source does; runs it here when no worker takes it.
     */
    private CompletableFuture<Void> onWorkers(Runnable work) {
        return CompletableFuture.runAsync(work, worker());
    }

    private static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    /**
     * Leaves out a write whose data is older than what a webhook change wrote to the same event while this run was
     * under way (its listing was read before): asked under the event's lock, where the webhook change notes its write.
     */
    private Optional<String> refusal(SyncAction action) {
        Optional<Instant> webhook = memory.writes().newest(action.uid());
        if (webhook.isEmpty()) {
            return Optional.empty();
        }
        Issue listed = listedByUid.get(action.uid());
        if (listed != null && listed.updatedAt().isPresent() && !listed.updatedAt().get().isBefore(webhook.get())) {
            return Optional.empty();
        }
        return Optional.of("left as a webhook change wrote it during this sync (newer than this sync's listing)");
    }

    /**
     * Notes the {@code updated_at} of every listed issue whose event is now as listed on every target, so that a
     * delivery older than this run's data is never applied after it (the stale rule compares with it).
     */
    private void recordApplied(List<ProjectListing> listings, List<TargetSync> syncs) {
        Set<String> failed = new HashSet<>();
        for (ActionOutcome outcome : outcomes) {
            if (outcome.failed()) {
                failed.add(outcome.uid());
            }
        }
        Set<String> unwritten = new HashSet<>();
        for (ProjectListing listing : listings) {
            for (TargetSync sync : syncs) {
                if (sync.failureOf(listing.project()).isPresent()) {
                    unwritten.add(listing.project().id());
                }
            }
        }
        Map<String, Instant> applied = new LinkedHashMap<>();
        for (Map.Entry<String, Issue> entry : listedByUid.entrySet()) {
            Issue issue = entry.getValue();
            if (issue.updatedAt().isPresent() && !failed.contains(entry.getKey())
                    && !unwritten.contains(issue.project().id())) {
                applied.put(ChangePipeline.keyOfIssue(issue.id()), issue.updatedAt().get());
            }
        }
        try {
            memory.applied().recordAllApplied(applied);
        } catch (RuntimeException e) {
            errors.add("Could not note what this sync applied in the state store (older webhook deliveries may be "
                    + "applied again until the next sync): " + e.getMessage());
        }
    }

    /** Ends the run as failed when something unexpected (a bug, not a peer's failure) stopped it. */
    SyncReport stoppedBy(RuntimeException e) {
        errors.add("The sync stopped on an unexpected error: " + (e.getMessage() == null
                ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage()));
        return report(RunResult.FAILED);
    }

    private ProjectListing list(Project project) {
        IssueListing listing;
        try {
            listing = source.listIssues(project);
            listener.issueSourceObserved(Optional.empty());
        } catch (IssueSourceException e) {
            listener.issueSourceObserved(PeerProblems.of(e));
            String error = "Could not list the issues of project " + project.identifier()
                    + " (nothing will be deleted from its calendar this run): " + e.getMessage();
            errors.add(error);
            return ProjectListing.failed(project, error);
        }
        List<DesiredEvent> desired = new ArrayList<>();
        int dated = 0;
        for (Issue issue : listing.issues()) {
            desired.add(DesiredEvent.of(issue, runtime.mapper()));
            listedByUid.put(EventIdentity.uidForIssue(issue.id()), issue);
            if (issue.targetDate().isPresent()) {
                dated++;
            }
        }
        if (!listing.complete()) {
            errors.add("The issue listing of project " + project.identifier()
                    + " was incomplete; nothing was deleted from its calendar");
        }
        return new ProjectListing(project, desired, listing.issues().size(), dated, listing.complete(),
                Optional.empty());
    }

    /** The project as reports show it, with its calendar on the first target. */
    private static ProjectResult resultOf(ProjectListing listing, TargetSync first) {
        Project project = listing.project();
        Optional<String> failure = first.failureOf(project);
        if (failure.isPresent()) {
            return new ProjectResult(project.id(), project.identifier(), project.name(), "-", 0, 0, false, failure);
        }
        return new ProjectResult(project.id(), project.identifier(), project.name(), first.calendarOf(project),
                listing.issues(), listing.dated(), listing.complete(), listing.error());
    }

    /**
     * After a conflict, the issue as the source has it now: whoever changed the event meanwhile (a webhook
     * applying a newer change) may know more than this run's listing.
     */
    private Optional<CalendarEvent> desiredNow(SyncAction action, Optional<CalendarEvent> planned) {
        Issue listed = listedByUid.get(action.uid());
        if (listed == null) {
            return planned;
        }
        try {
            Optional<Issue> fresh = source.findIssue(listed.project().id(), listed.id());
            if (fresh.isPresent() && !fresh.get().project().id().equals(listed.project().id())) {
                return planned;
            }
            return fresh.flatMap(runtime.mapper()::map);
        } catch (IssueSourceException e) {
            return planned;
        }
    }

    private List<Project> selected(List<Project> all) {
        if (command.projects().isEmpty()) {
            return all;
        }
        List<Project> chosen = new ArrayList<>();
        Set<String> unmatched = new TreeSet<>(command.projects());
        for (Project project : all) {
            boolean wanted = false;
            for (String name : command.projects()) {
                if (name.strip().equals(project.id()) || name.strip().equalsIgnoreCase(project.identifier())) {
                    wanted = true;
                    unmatched.remove(name);
                }
            }
            if (wanted) {
                chosen.add(project);
            }
        }
        for (String name : unmatched) {
            errors.add("No mirrored project has the identifier or id '" + name + "'");
        }
        return chosen;
    }

    private RunResult result() {
        if (errors.isEmpty()) {
            return RunResult.SUCCESS;
        }
        boolean anyProjectRead = projectResults.stream().anyMatch(p -> p.error().isEmpty());
        return anyProjectRead || projectResults.isEmpty() ? RunResult.PARTIAL : RunResult.FAILED;
    }

    private SyncReport report(RunResult result) {
        Duration duration = Duration.between(startedAt, clock.instant());
        return new SyncReport(syncId, startedAt, duration, result, command.dryRun(), projectResults, outcomes,
                unchanged, errors, targetReports);
    }
}
