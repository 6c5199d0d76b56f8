package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ApplyChangeUseCase;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.SyncListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Runs full syncs, applies single changes and reports status. A full sync lists every project's issues, plans
 * each calendar with the {@link SyncPlanner} and applies the plan with the {@link SyncExecutor}; a single change
 * goes through the same two. Only one full sync runs at a time.
 */
public final class SyncService implements RunFullSyncUseCase, ApplyChangeUseCase, ReadStatusUseCase {
    private static final Duration CONNECTION_CHECK_INTERVAL = Duration.ofSeconds(30);

    private final IssueSource source;
    private final CalendarStore store;
    private volatile SyncPlanner planner;
    private volatile SyncExecutor executor;
    private final IssueLocks locks;
    private final Clock clock;
    private final SyncListener listener;
    private final Executor background;
    private final ConnectionMonitor sourceHealth;
    private final ConnectionMonitor storeHealth;

    private final AtomicReference<String> runningSyncId = new AtomicReference<>();
    private volatile SyncReport lastRun;
    private volatile Instant nextRun;
    private volatile IntSupplier queueLength = () -> 0;
    private final Set<String> projectsSynced = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventsCreated = new AtomicLong();
    private final AtomicLong eventsUpdated = new AtomicLong();
    private final AtomicLong eventsDeleted = new AtomicLong();

    private SyncService(Builder builder) {
        this.source = Objects.requireNonNull(builder.source, "issue source");
        this.store = Objects.requireNonNull(builder.store, "calendar store");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.listener = Objects.requireNonNull(builder.listener, "listener");
        this.background = Objects.requireNonNull(builder.background, "background executor");
        this.planner = new SyncPlanner(Objects.requireNonNull(builder.mapper, "mapper"));
        this.locks = new IssueLocks();
        this.executor = new SyncExecutor(store, planner, locks, listener);
        this.sourceHealth = new ConnectionMonitor(source::checkConnection, clock, CONNECTION_CHECK_INTERVAL);
        this.storeHealth = new ConnectionMonitor(store::checkConnection, clock, CONNECTION_CHECK_INTERVAL);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- full sync -------------------------------------------------------------------------------------------

    @Override
    public SyncReport runFullSync(RunSyncCommand command) {
        String syncId = acquire();
        return runAcquired(syncId, command);
    }

    @Override
    public SyncTicket triggerFullSync(RunSyncCommand command) {
        String syncId = acquire();
        SyncTicket ticket = new SyncTicket(syncId, clock.instant());
        try {
            background.execute(() -> runAcquired(syncId, command));
        } catch (RuntimeException e) {
            runningSyncId.set(null);
            throw e;
        }
        return ticket;
    }

    private String acquire() {
        String syncId = UUID.randomUUID().toString();
        if (!runningSyncId.compareAndSet(null, syncId)) {
            throw new SyncInProgressException(String.valueOf(runningSyncId.get()));
        }
        return syncId;
    }

    private SyncReport runAcquired(String syncId, RunSyncCommand command) {
        try {
            listener.syncStarted(syncId, command.dryRun());
            FullSyncRun run = new FullSyncRun(syncId, command);
            SyncReport report;
            try {
                report = run.run();
            } catch (RuntimeException e) {
                report = run.stoppedBy(e);
            }
            if (!command.dryRun()) {
                record(report);
            }
            listener.syncFinished(report);
            return report;
        } finally {
            runningSyncId.set(null);
        }
    }

    private void record(SyncReport report) {
        lastRun = report;
        for (ProjectResult project : report.projects()) {
            if (project.ok()) {
                projectsSynced.add(project.projectId());
            }
        }
        count(report.outcomes());
    }

    private void count(List<ActionOutcome> outcomes) {
        for (ActionOutcome outcome : outcomes) {
            if (outcome.outcome() == OutcomeKind.CREATED) {
                eventsCreated.incrementAndGet();
            } else if (outcome.outcome() == OutcomeKind.UPDATED) {
                eventsUpdated.incrementAndGet();
            } else if (outcome.outcome() == OutcomeKind.DELETED) {
                eventsDeleted.incrementAndGet();
            }
        }
    }

    /** One full sync: list, group by calendar, plan, execute. */
    private final class FullSyncRun {
        private final String syncId;
        private final RunSyncCommand command;
        private final Instant startedAt = clock.instant();
        private final List<String> errors = new ArrayList<>();
        private final List<ProjectResult> projectResults = new ArrayList<>();
        private final List<ActionOutcome> outcomes = new ArrayList<>();
        private final Map<CalendarId, List<Issue>> issuesByCalendar = new LinkedHashMap<>();
        private final Map<CalendarId, Boolean> completeByCalendar = new LinkedHashMap<>();
        private final Map<CalendarId, Boolean> calendarExists = new LinkedHashMap<>();
        private final Map<String, Issue> listedByUid = new LinkedHashMap<>();
        private final SyncExecutor runExecutor = new SyncExecutor(store, planner, locks, listener, this::desiredNow);
        private int unchanged;

        FullSyncRun(String syncId, RunSyncCommand command) {
            this.syncId = syncId;
            this.command = command;
        }

        SyncReport run() {
            List<Project> all;
            List<Project> projects;
            try {
                all = source.listProjects();
                projects = selected(all);
                sourceHealth.observed(true);
            } catch (IssueSourceException e) {
                sourceHealth.observed(e.reason() != IssueSourceException.Reason.UNREACHABLE
                        && e.reason() != IssueSourceException.Reason.AUTHENTICATION);
                errors.add("Could not list projects: " + e.getMessage());
                return report(RunResult.FAILED);
            }
            for (Project project : projects) {
                collect(project);
            }
            keepOtherProjectsEvents(all, projects);
            for (Map.Entry<CalendarId, List<Issue>> entry : issuesByCalendar.entrySet()) {
                syncCalendar(entry.getKey(), entry.getValue(), completeByCalendar.get(entry.getKey()));
            }
            return report(result());
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
                return fresh.flatMap(planner.mapper()::map);
            } catch (IssueSourceException e) {
                return planned;
            }
        }

        /** Ends the run as failed when something unexpected (a bug, not a peer's failure) stopped it. */
        SyncReport stoppedBy(RuntimeException e) {
            errors.add("The sync stopped on an unexpected error: " + (e.getMessage() == null
                    ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage()));
            return report(RunResult.FAILED);
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
                    store.findCalendar(other).filter(completeByCalendar::containsKey)
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
            Set<String> unmatched = new java.util.TreeSet<>(command.projects());
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
            CalendarId calendar;
            try {
                Optional<CalendarId> found = command.dryRun() ? store.findCalendar(project) : Optional.empty();
                calendar = command.dryRun()
                        ? found.orElse(new CalendarId("(new) " + project.calendarName()))
                        : store.ensureCalendar(project);
                calendarExists.putIfAbsent(calendar, !command.dryRun() || found.isPresent());
                storeHealth.observed(true);
            } catch (CalendarStoreException e) {
                storeHealth.observed(e.reason() != CalendarStoreException.Reason.UNREACHABLE
                        && e.reason() != CalendarStoreException.Reason.AUTHENTICATION);
                fail(project, "-", 0, 0, "Could not prepare the calendar of project " + project.identifier()
                        + ": " + e.getMessage());
                return;
            }
            List<Issue> calendarIssues = issuesByCalendar.computeIfAbsent(calendar, c -> new ArrayList<>());
            completeByCalendar.putIfAbsent(calendar, true);
            IssueListing listing;
            try {
                listing = source.listIssues(project);
            } catch (IssueSourceException e) {
                completeByCalendar.put(calendar, false);
                fail(project, calendar.value(), 0, 0, "Could not list the issues of project " + project.identifier()
                        + " (nothing will be deleted from its calendar this run): " + e.getMessage());
                return;
            }
            calendarIssues.addAll(listing.issues());
            for (Issue issue : listing.issues()) {
                listedByUid.put(EventIdentity.uidForIssue(issue.id()), issue);
            }
            int dated = (int) listing.issues().stream().filter(i -> i.targetDate().isPresent()).count();
            if (!listing.complete()) {
                completeByCalendar.put(calendar, false);
                errors.add("The issue listing of project " + project.identifier()
                        + " was incomplete; nothing was deleted from its calendar");
            }
            projectResults.add(new ProjectResult(project.id(), project.identifier(), project.name(), calendar.value(),
                    listing.issues().size(), dated, listing.complete(), Optional.empty()));
        }

        private void fail(Project project, String calendar, int issues, int dated, String error) {
            errors.add(error);
            projectResults.add(new ProjectResult(project.id(), project.identifier(), project.name(), calendar,
                    issues, dated, false, Optional.of(error)));
        }

        private void syncCalendar(CalendarId calendar, List<Issue> issues, boolean complete) {
            List<StoredEvent> current;
            try {
                current = calendarExists.getOrDefault(calendar, true) ? store.listOwnedEvents(calendar) : List.of();
            } catch (CalendarStoreException e) {
                errors.add("Could not read calendar " + calendar + ": " + e.getMessage());
                return;
            }
            SyncPlan plan = planner.plan(issues, complete, current, command.forceDelete());
            unchanged += plan.unchanged();
            plan.refusal().ifPresent(refusal -> errors.add("Calendar " + calendar + ": " + refusal.message()));
            List<ActionOutcome> done = command.dryRun()
                    ? SyncExecutor.planned(calendar, plan)
                    : runExecutor.execute(calendar, plan);
            for (ActionOutcome outcome : done) {
                if (outcome.failed()) {
                    errors.add("Could not " + outcome.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + outcome.summary() + " in " + calendar + ": " + outcome.reason().orElse("unknown error"));
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

    // ---- single changes --------------------------------------------------------------------------------------

    @Override
    public ChangeResult apply(WebhookNotification notification) {
        try {
            ChangeResult result = applyNotification(notification);
            if (!(notification instanceof IgnoredEvent)) {
                count(result.outcomes());
            }
            listener.changeApplied(notification, result);
            return result;
        } catch (RuntimeException e) {
            listener.changeFailed(notification, e);
            throw e;
        }
    }

    private ChangeResult applyNotification(WebhookNotification notification) {
        if (notification instanceof IssueChanged) {
            IssueChanged changed = (IssueChanged) notification;
            String uid = EventIdentity.uidForIssue(changed.issueId());
            return locks.withLock(uid, () -> applyIssue(changed.projectId(), changed.issueId()));
        } else if (notification instanceof IssueDeleted) {
            IssueDeleted deleted = (IssueDeleted) notification;
            String uid = EventIdentity.uidForIssue(deleted.issueId());
            return locks.withLock(uid, () -> applyDeletion(deleted));
        } else if (notification instanceof ProjectChanged) {
            return applyProject((ProjectChanged) notification);
        } else if (notification instanceof IgnoredEvent) {
            return ChangeResult.nothing("ignored " + notification.event() + " event");
        }
        throw new AssertionError(notification);
    }

    private ChangeResult applyIssue(String projectId, String issueId) {
        Optional<Project> project = source.findProject(projectId);
        if (project.isEmpty()) {
            return ChangeResult.nothing("project " + projectId + " is not mirrored (unknown, archived or filtered out)");
        }
        Optional<Issue> issue = source.findIssue(projectId, issueId);
        CalendarId calendar = store.ensureCalendar(project.get());
        EventIdentity identity = EventIdentity.forIssue(issueId);
        List<StoredEvent> current = store.findEvent(calendar, identity).map(List::of).orElse(List.of());
        SyncPlan plan = planner.plan(issue.map(List::of).orElse(List.of()), true, current, false);
        List<ActionOutcome> outcomes = new ArrayList<>(executor.execute(calendar, plan));
        if (plan.count(ActionKind.CREATE) > 0 && outcomes.stream().noneMatch(ActionOutcome::failed)) {
            // A new event here may be an issue that moved from another project: its old event leaves.
            outcomes.addAll(deleteCopies(identity.uid(), other -> !other.equals(calendar)));
        }
        return new ChangeResult(outcomes,
                outcomes.isEmpty() ? Optional.of("calendar already up to date") : Optional.empty());
    }

    /** Deletes the owned events with this UID in the calendars chosen, through the planner. */
    private List<ActionOutcome> deleteCopies(String uid, Predicate<CalendarId> where) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (LocatedEvent located : store.findEventsByUid(uid)) {
            if (where.test(located.calendar())) {
                SyncPlan plan = planner.plan(List.of(), true, List.of(located.stored()), false);
                outcomes.addAll(executor.execute(located.calendar(), plan));
            }
        }
        return outcomes;
    }

    private ChangeResult applyDeletion(IssueDeleted deleted) {
        if (deleted.projectId().isPresent()) {
            Optional<Project> project = source.findProject(deleted.projectId().get());
            if (project.isPresent() && source.findIssue(project.get().id(), deleted.issueId()).isPresent()) {
                return applyIssue(project.get().id(), deleted.issueId());
            }
        }
        List<ActionOutcome> outcomes = deleteCopies(EventIdentity.uidForIssue(deleted.issueId()), calendar -> true);
        return new ChangeResult(outcomes, outcomes.isEmpty() ? Optional.of("no event to delete") : Optional.empty());
    }

    private ChangeResult applyProject(ProjectChanged changed) {
        if (changed.change() == ChangeAction.DELETED) {
            return ChangeResult.nothing("project deleted; its calendar is kept and can be removed by hand");
        }
        Optional<Project> project = source.findProject(changed.projectId());
        if (project.isEmpty()) {
            return ChangeResult.nothing("project " + changed.projectId() + " is not mirrored");
        }
        if (store.findCalendar(project.get()).isEmpty()) {
            return ChangeResult.nothing("project has no calendar yet; the next sync creates it");
        }
        store.ensureCalendar(project.get());
        return ChangeResult.nothing("calendar of project " + project.get().identifier() + " is up to date");
    }

    // ---- status ----------------------------------------------------------------------------------------------

    /**
     * Replaces the issue → event mapping (for example after the web URL or workspace changed in a reloaded
     * configuration); runs that start afterwards use it, and the next full sync rewrites the affected events.
     */
    public void updateMapper(IssueEventMapper mapper) {
        SyncPlanner next = new SyncPlanner(Objects.requireNonNull(mapper, "mapper"));
        synchronized (this) {
            executor = new SyncExecutor(store, next, locks, listener);
            planner = next;
        }
    }

    /** Tells the status when the next periodic full sync is due (empty when none is scheduled). */
    public void scheduleNextRun(Optional<Instant> when) {
        nextRun = when.orElse(null);
    }

    /** Where the status reads the number of webhook changes waiting to be applied. */
    public void reportQueueLengthFrom(IntSupplier supplier) {
        queueLength = Objects.requireNonNull(supplier, "supplier");
    }

    /** Whether a full sync is running now. */
    public boolean isRunning() {
        return runningSyncId.get() != null;
    }

    @Override
    public SyncStatus status() {
        return new SyncStatus(state(), Optional.ofNullable(lastRun), Optional.ofNullable(nextRun),
                queueLength.getAsInt());
    }

    private SyncState state() {
        if (isRunning()) {
            return SyncState.RUNNING;
        }
        SyncReport last = lastRun;
        return last != null && last.result() != RunResult.SUCCESS ? SyncState.ERROR : SyncState.IDLE;
    }

    @Override
    public HealthReport health() {
        SyncReport last = lastRun;
        Optional<Instant> lastSync = last == null ? Optional.empty()
                : Optional.of(last.startedAt().plus(last.duration()));
        return new HealthReport(state(), projectsSynced.size(), eventsCreated.get(), eventsUpdated.get(),
                eventsDeleted.get(), lastSync, storeHealth.state(), sourceHealth.state());
    }

    /** Builds a {@link SyncService}; everything but the listener and background executor is required. */
    public static final class Builder {
        private IssueSource source;
        private CalendarStore store;
        private IssueEventMapper mapper;
        private Clock clock;
        private SyncListener listener = SyncListener.NONE;
        private Executor background = runnable -> {
            Thread thread = new Thread(runnable, "calplanebot-sync");
            thread.setDaemon(true);
            thread.start();
        };

        private Builder() {
        }

        public Builder issueSource(IssueSource value) {
            this.source = value;
            return this;
        }

        public Builder calendarStore(CalendarStore value) {
            this.store = value;
            return this;
        }

        public Builder mapper(IssueEventMapper value) {
            this.mapper = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder listener(SyncListener value) {
            this.listener = value;
            return this;
        }

        /** Runs triggered full syncs; by default a new daemon thread each time. */
        public Builder background(Executor value) {
            this.background = value;
            return this;
        }

        public SyncService build() {
            return new SyncService(this);
        }
    }
}
