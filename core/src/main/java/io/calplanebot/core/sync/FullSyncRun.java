package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.Peer;
import io.calplanebot.core.port.out.SyncListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One full sync on one runtime: list every project's issues, group them by calendar, plan, execute. */
final class FullSyncRun {
    private final String syncId;
    private final RunSyncCommand command;
    private final SyncRuntime runtime;
    private final IssueSource source;
    private final CalendarStore store;
    private final SyncListener listener;
    private final Clock clock;
    private final Instant startedAt;
    private final SyncPlanner planner = new SyncPlanner();
    private final SyncExecutor executor;
    private final List<String> errors = new ArrayList<>();
    private final List<ProjectResult> projectResults = new ArrayList<>();
    private final List<ActionOutcome> outcomes = new ArrayList<>();
    private final Map<CalendarTarget, List<DesiredEvent>> desiredByCalendar = new LinkedHashMap<>();
    private final Map<CalendarTarget, Boolean> completeByCalendar = new LinkedHashMap<>();
    private final Map<String, Issue> listedByUid = new LinkedHashMap<>();
    private int unchanged;

    FullSyncRun(String syncId, RunSyncCommand command, SyncRuntime runtime, IssueLocks locks, SyncListener listener,
                Clock clock) {
        this.syncId = syncId;
        this.command = command;
        this.runtime = runtime;
        this.source = runtime.issues();
        this.store = runtime.calendars();
        this.listener = listener;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.executor = new SyncExecutor(store, locks, listener, this::desiredNow);
    }

    SyncReport run() {
        List<Project> all;
        List<Project> projects;
        try {
            all = source.listProjects();
            projects = selected(all);
            listener.peerObserved(Peer.ISSUE_SOURCE, true);
        } catch (IssueSourceException e) {
            listener.peerObserved(Peer.ISSUE_SOURCE, reachable(e));
            errors.add("Could not list projects: " + e.getMessage());
            return report(RunResult.FAILED);
        }
        for (Project project : projects) {
            collect(project);
        }
        keepOtherProjectsEvents(all, projects);
        for (Map.Entry<CalendarTarget, List<DesiredEvent>> entry : desiredByCalendar.entrySet()) {
            syncCalendar(entry.getKey(), entry.getValue(), completeByCalendar.get(entry.getKey()));
        }
        return report(result());
    }

    /** Ends the run as failed when something unexpected (a bug, not a peer's failure) stopped it. */
    SyncReport stoppedBy(RuntimeException e) {
        errors.add("The sync stopped on an unexpected error: " + (e.getMessage() == null
                ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage()));
        return report(RunResult.FAILED);
    }

    private static boolean reachable(IssueSourceException e) {
        return e.reason() != IssueSourceException.Reason.UNREACHABLE
                && e.reason() != IssueSourceException.Reason.AUTHENTICATION;
    }

    private static boolean reachable(CalendarStoreException e) {
        return e.reason() != CalendarStoreException.Reason.UNREACHABLE
                && e.reason() != CalendarStoreException.Reason.AUTHENTICATION;
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

    /**
     * In a run limited to some projects, a calendar that also holds the events of a project left out of the run
     * was not listed completely: nothing may be deleted from it.
     */
    private void keepOtherProjectsEvents(List<Project> all, List<Project> chosen) {
        if (chosen.size() == all.size()) {
            return;
        }
        for (Project other : all) {
            if (chosen.contains(other)) {
                continue;
            }
            try {
                store.findCalendar(other).map(ExistingCalendar::new).filter(completeByCalendar::containsKey)
                        .ifPresent(shared -> completeByCalendar.put(shared, false));
            } catch (CalendarStoreException e) {
                completeByCalendar.replaceAll((calendar, complete) -> false);
                return;
            }
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

    private void collect(Project project) {
        CalendarTarget calendar;
        try {
            calendar = command.dryRun()
                    ? store.findCalendar(project).<CalendarTarget>map(ExistingCalendar::new)
                            .orElse(new MissingCalendar(project.calendarName()))
                    : new ExistingCalendar(store.ensureCalendar(project));
            listener.peerObserved(Peer.CALENDAR_STORE, true);
        } catch (CalendarStoreException e) {
            listener.peerObserved(Peer.CALENDAR_STORE, reachable(e));
            fail(project, "-", "Could not prepare the calendar of project " + project.identifier() + ": "
                    + e.getMessage());
            return;
        }
        List<DesiredEvent> calendarIssues = desiredByCalendar.computeIfAbsent(calendar, c -> new ArrayList<>());
        completeByCalendar.putIfAbsent(calendar, true);
        IssueListing listing;
        try {
            listing = source.listIssues(project);
        } catch (IssueSourceException e) {
            completeByCalendar.put(calendar, false);
            fail(project, calendar.label(), "Could not list the issues of project " + project.identifier()
                    + " (nothing will be deleted from its calendar this run): " + e.getMessage());
            return;
        }
        int dated = 0;
        for (Issue issue : listing.issues()) {
            DesiredEvent desired = DesiredEvent.of(issue, runtime.mapper());
            calendarIssues.add(desired);
            listedByUid.put(EventIdentity.uidForIssue(issue.id()), issue);
            if (issue.targetDate().isPresent()) {
                dated++;
            }
        }
        if (!listing.complete()) {
            completeByCalendar.put(calendar, false);
            errors.add("The issue listing of project " + project.identifier()
                    + " was incomplete; nothing was deleted from its calendar");
        }
        projectResults.add(new ProjectResult(project.id(), project.identifier(), project.name(), calendar.label(),
                listing.issues().size(), dated, listing.complete(), Optional.empty()));
    }

    private void fail(Project project, String calendar, String error) {
        errors.add(error);
        projectResults.add(new ProjectResult(project.id(), project.identifier(), project.name(), calendar,
                0, 0, false, Optional.of(error)));
    }

    private void syncCalendar(CalendarTarget calendar, List<DesiredEvent> desired, boolean complete) {
        List<StoredEvent> current;
        try {
            current = calendar instanceof ExistingCalendar
                    ? store.listOwnedEvents(((ExistingCalendar) calendar).id()) : List.of();
        } catch (CalendarStoreException e) {
            errors.add("Could not read calendar " + calendar.label() + ": " + e.getMessage());
            return;
        }
        SyncPlan plan = planner.plan(desired, complete, current, command.forceDelete());
        unchanged += plan.unchanged();
        plan.refusal().ifPresent(refusal -> errors.add("Calendar " + calendar.label() + ": " + refusal.message()));
        List<ActionOutcome> done = command.dryRun() || !(calendar instanceof ExistingCalendar)
                ? SyncExecutor.planned(calendar, plan)
                : executor.execute(((ExistingCalendar) calendar).id(), plan);
        for (ActionOutcome outcome : done) {
            if (outcome.failed()) {
                errors.add("Could not " + outcome.action().name().toLowerCase(Locale.ROOT) + " "
                        + outcome.summary() + " in " + calendar.label() + ": "
                        + outcome.reason().orElse("unknown error"));
            }
        }
        outcomes.addAll(done);
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
                unchanged, errors);
    }
}
