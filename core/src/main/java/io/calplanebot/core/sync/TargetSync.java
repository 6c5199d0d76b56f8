package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.SyncListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One full sync's work on one target, in three steps: {@link #read} prepares each project's calendar and lists every
 * calendar (it needs only the projects, so it runs while the issues are being listed), {@link #plan} puts each
 * project's events in its calendar and plans each calendar against what was listed, and {@link #write} executes the
 * plans. A failure here stays in this target's report.
 */
final class TargetSync {
    private final SyncTarget target;
    private final CalendarStore store;
    private final RunSyncCommand command;
    private final SyncListener listener;
    private final SyncExecutor executor;
    private final SyncPlanner planner = new SyncPlanner();
    private final Map<CalendarTarget, List<DesiredEvent>> desiredByCalendar = new LinkedHashMap<>();
    private final Map<CalendarTarget, Boolean> completeByCalendar = new LinkedHashMap<>();
    private final Map<String, String> failureByProject = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, CalendarTarget> calendarByProject = new LinkedHashMap<>();
    private final Map<CalendarTarget, List<StoredEvent>> listed = new LinkedHashMap<>();
    private final Map<CalendarTarget, SyncPlan> plans = new LinkedHashMap<>();
    private final List<ActionOutcome> outcomes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int unchanged;
    private final KnownEvents known;
    private final SyncRuntime runtime;

    /**
     * @param runtime   the configuration {@code target} belongs to, under which what is learnt here is known
     * @param listening the lock the listener hears each write under, shared by the targets of one run
     */
    TargetSync(SyncTarget target, RunSyncCommand command, IssueLocks locks, SyncListener listener,
               DesiredEventLookup desiredNow, WriteGuard guard, Writers writers, KnownEvents known,
               SyncRuntime runtime, Object listening) {
        this.known = known;
        this.runtime = runtime;
        this.target = target;
        this.store = target.store();
        this.command = command;
        this.listener = listener;
        // a dry run writes nothing: it has no writes at once to adapt or to tell (the gauge keeps the last sync's);
        // a local store takes its writes one at a time
        this.executor = new SyncExecutor(target, locks, listener, desiredNow, guard,
                command.dryRun() || target.local() ? Writers.SEQUENTIAL : writers).onWritten(
                (cal, id, stored) -> known.written(target.name(), cal, id.uid(), stored)).heardUnder(listening);
    }

    /**
     * Prepares the calendar of each project of this run and lists every calendar: what the plans compare with. The
     * listing may be taken before the issues are listed; writes stay conditional on the versions listed here.
     *
     * @param selected the projects of this run
     * @param others   the projects left out of a limited run: their calendars are not listed completely
     */
    void read(List<Project> selected, List<Project> others) {
        for (Project project : selected) {
            prepare(project);
        }
        keepOtherProjectsEvents(others);
        for (CalendarTarget calendar : desiredByCalendar.keySet()) {
            list(calendar);
        }
    }

    /**
     * Plans each calendar that could be listed against what it should hold; {@link #write} carries the plans out.
     *
     * @param listings the projects of this run, listed, after {@link #read}
     */
    void plan(List<ProjectListing> listings) {
        for (ProjectListing listing : listings) {
            collect(listing);
        }
        for (Map.Entry<CalendarTarget, List<DesiredEvent>> entry : desiredByCalendar.entrySet()) {
            CalendarTarget calendar = entry.getKey();
            if (listed.containsKey(calendar)) {
                SyncPlan plan = planner.plan(entry.getValue(), completeByCalendar.get(calendar), listed.get(calendar),
                        command.forceDelete());
                unchanged += plan.unchanged();
                plan.refusal().ifPresent(refusal -> errors.add("Calendar " + calendar.label() + ": "
                        + refusal.message()));
                plans.put(calendar, plan);
            }
        }
    }

    /** Whether {@link #write} writes anything: not in a dry run, nor when every calendar is as it should be. */
    boolean writes() {
        return !command.dryRun() && plans.entrySet().stream()
                .anyMatch(entry -> entry.getKey() instanceof ExistingCalendar && !entry.getValue().isEmpty());
    }

    /** Carries out the plans made by {@link #plan} (a dry run only reports them) and reports this target. */
    TargetReport write() {
        for (Map.Entry<CalendarTarget, SyncPlan> entry : plans.entrySet()) {
            carryOut(entry.getKey(), entry.getValue());
        }
        return new TargetReport(target.name(), outcomes, unchanged, errors, calendarNames());
    }

    /** The name people see for each calendar that one project has to itself. */
    private Map<String, String> calendarNames() {
        Map<String, List<Project>> byCalendar = new LinkedHashMap<>();
        for (Map.Entry<String, Project> entry : projects.entrySet()) {
            byCalendar.computeIfAbsent(calendarByProject.get(entry.getKey()).label(), c -> new ArrayList<>())
                    .add(entry.getValue());
        }
        Map<String, String> names = new LinkedHashMap<>();
        byCalendar.forEach((label, sharing) -> {
            if (sharing.size() == 1) {
                names.put(label, sharing.get(0).calendarName());
            }
        });
        return names;
    }

    /** How reports name the project's calendar on this target; {@code -} when it could not be prepared. */
    String calendarOf(Project project) {
        CalendarTarget calendar = calendarByProject.get(project.id());
        return calendar == null ? "-" : calendar.label();
    }

    /** Why the project's calendar could not be prepared on this target. */
    Optional<String> failureOf(Project project) {
        return Optional.ofNullable(failureByProject.get(project.id()));
    }

    /** The project's calendar, made ready; webhook changes then know it without listing the calendars. */
    private CalendarId prepared(Project project) {
        CalendarId id = store.ensureCalendar(project);
        known.prepared(runtime, target.name(), project, id);
        return id;
    }

    private void prepare(Project project) {
        CalendarTarget calendar;
        try {
            calendar = command.dryRun()
                    ? store.findCalendar(project).<CalendarTarget>map(ExistingCalendar::new)
                            .orElse(new MissingCalendar(project.calendarName()))
                    : new ExistingCalendar(prepared(project));
            listener.targetObserved(target.name(), Optional.empty());
        } catch (CalendarStoreException e) {
            listener.targetObserved(target.name(), PeerProblems.of(e));
            String error = "Could not prepare the calendar of project " + project.identifier() + ": " + e.getMessage();
            errors.add(error);
            failureByProject.put(project.id(), error);
            return;
        }
        calendarByProject.put(project.id(), calendar);
        projects.put(project.id(), project);
        desiredByCalendar.computeIfAbsent(calendar, c -> new ArrayList<>());
        completeByCalendar.putIfAbsent(calendar, true);
    }

    private void collect(ProjectListing listing) {
        CalendarTarget calendar = calendarByProject.get(listing.project().id());
        if (calendar == null) {
            return; // its calendar could not be prepared: already an error of this target
        }
        desiredByCalendar.get(calendar).addAll(listing.desired());
        if (!listing.complete()) {
            completeByCalendar.put(calendar, false);
        }
    }

    private void list(CalendarTarget calendar) {
        if (!(calendar instanceof ExistingCalendar)) {
            listed.put(calendar, List.of());
            return;
        }
        CalendarId id = ((ExistingCalendar) calendar).id();
        try {
            List<StoredEvent> current = store.listOwnedEvents(id);
            known.listed(target.name(), id, current);
            listed.put(calendar, current);
        } catch (CalendarStoreException e) {
            errors.add("Could not read calendar " + calendar.label() + ": " + e.getMessage());
        }
    }

    /**
     * In a run limited to some projects, a calendar that also holds the events of a project left out of the run
     * was not listed completely: nothing may be deleted from it.
     */
    private void keepOtherProjectsEvents(List<Project> others) {
        for (Project other : others) {
            try {
                store.findCalendar(other).map(ExistingCalendar::new).filter(completeByCalendar::containsKey)
                        .ifPresent(shared -> completeByCalendar.put(shared, false));
            } catch (CalendarStoreException e) {
                completeByCalendar.replaceAll((calendar, complete) -> false);
                return;
            }
        }
    }

    private void carryOut(CalendarTarget calendar, SyncPlan plan) {
        List<ActionOutcome> done = command.dryRun() || !(calendar instanceof ExistingCalendar)
                ? SyncExecutor.planned(target.name(), calendar, plan)
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
}
