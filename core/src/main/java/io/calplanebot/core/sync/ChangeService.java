package io.calplanebot.core.sync;

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
import io.calplanebot.core.domain.webhook.IssueSnapshot;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.SyncListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies one change (from a webhook) to the calendars, through the same planner and executor as a full sync. A
 * change that carries a complete signed body ({@link IssueChanged#reported()}) is applied from it, with the project
 * taken from the {@link KnownProjects}: no request to the source. Any other change is only a hint and the issue is read
 * fresh. A deletion is always checked against the source. One change uses one runtime from start to end.
 */
public final class ChangeService {
    private final RuntimeHolder runtime;
    private final IssueLocks locks;
    private final SyncListener listener;
    private final SyncPlanner planner = new SyncPlanner();
    /** What a removal read fresh from the source is newer than: any listing made before it. */
    private static final Instant GONE = Instant.MAX;

    private final KnownProjects projects;
    private final WebhookWrites writes;
    private final KnownEvents events;

    /** @param locks shared with the full sync, so that no two write one event at once */
    public ChangeService(RuntimeHolder runtime, IssueLocks locks, SyncListener listener) {
        this(runtime, locks, listener, ChangeMemory.standalone());
    }

    /** @param memory shared with the full sync: the projects it read, and what this service wrote meanwhile */
    ChangeService(RuntimeHolder runtime, IssueLocks locks, SyncListener listener, ChangeMemory memory) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.projects = memory.projects();
        this.writes = memory.writes();
        this.events = memory.events();
    }

    /**
     * Applies the change now, in the calling thread.
     *
     * @throws RuntimeException when a peer failed; the listener heard of it
     */
    public ChangeResult apply(WebhookNotification notification) {
        try (RuntimeHolder.Lease lease = runtime.acquire()) {
            ChangeResult result = new Application(lease.runtime()).apply(notification);
            listener.changeApplied(notification, result);
            return result;
        } catch (RuntimeException e) {
            listener.changeFailed(notification, e);
            throw e;
        }
    }

    /**
     * The project's calendar on the target: prepared once ({@link CalendarStore#ensureCalendar}, which may list the
     * account's calendars) by a full sync or a change, then known until a change fails, the project's calendar name
     * changes or the runtime is replaced. A webhook change then costs the event's write, nothing more.
     */
    private CalendarId calendarOf(SyncRuntime rt, SyncTarget target, Project project) {
        events.belongTo(rt); // another configuration: its calendars, and the events in them, are found again
        Optional<CalendarId> known = events.calendar(rt, target.name(), project);
        if (known.isPresent()) {
            return known.get();
        }
        CalendarId calendar = target.store().ensureCalendar(project);
        events.prepared(rt, target.name(), project, calendar);
        return calendar;
    }

    private boolean knowsCalendar(SyncRuntime rt, SyncTarget target, Project project) {
        return events.calendar(rt, target.name(), project).isPresent();
    }

    /** After a failed write: what is stored is not known any more. */
    private void forgetWhatIsKnown() {
        events.forget();
    }

    /** One change on one runtime: read from the source once, then written to every target. */
    private final class Application {
        private final SyncRuntime rt;

        Application(SyncRuntime rt) {
            this.rt = rt;
        }

        ChangeResult apply(WebhookNotification notification) {
            if (notification instanceof IssueChanged) {
                IssueChanged changed = (IssueChanged) notification;
                String uid = EventIdentity.uidForIssue(changed.issueId());
                return locks.withLock(uid, () -> changed.reported().isPresent()
                        ? applyReported(changed.issueId(), changed.reported().get())
                        : applyIssue(changed.projectId(), changed.issueId()));
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
            Optional<Project> project = rt.issues().findProject(projectId);
            projects.observed(projectId, project);
            if (project.isEmpty()) {
                return notMirrored(projectId);
            }
            Optional<Issue> issue = rt.issues().findIssue(projectId, issueId);
            long obtained = writes.stamp();
            return write(project.get(), issueId, issue,
                    issue.isPresent() ? issue.get().updatedAt() : Optional.of(GONE), obtained);
        }

        /** The issue as the signed body described it, in the project as known (read once if it is not). */
        private ChangeResult applyReported(String issueId, IssueSnapshot snapshot) {
            long obtained = writes.stamp();
            Optional<Project> project = projects.get(snapshot.projectId());
            if (project.isEmpty()) {
                project = rt.issues().findProject(snapshot.projectId());
                projects.observed(snapshot.projectId(), project);
            }
            if (project.isEmpty()) {
                return notMirrored(snapshot.projectId());
            }
            return write(project.get(), issueId, snapshot.in(project.get()), Optional.of(snapshot.updatedAt()),
                    obtained);
        }

        private ChangeResult notMirrored(String projectId) {
            return ChangeResult.nothing("project " + projectId + " is not mirrored (unknown, archived or filtered out)");
        }

        /** Writes the issue's event (or removes it when empty) on every target; notes the write for the full sync. */
        private ChangeResult write(Project project, String issueId, Optional<Issue> issue, Optional<Instant> asOf,
                                   long obtained) {
            List<DesiredEvent> desired = issue.map(i -> List.of(DesiredEvent.of(i, rt.mapper()))).orElse(List.of());
            List<ActionOutcome> outcomes = onEveryTarget(target -> writeIssue(target, project, issueId, desired));
            if (outcomes.stream().noneMatch(ActionOutcome::failed)) {
                asOf.ifPresent(at -> writes.wrote(EventIdentity.uidForIssue(issueId), at, obtained));
            } else {
                forgetWhatIsKnown();
            }
            return new ChangeResult(outcomes,
                    outcomes.isEmpty() ? Optional.of("calendar already up to date") : Optional.empty());
        }

        /**
         * Writes the issue's event in the project's calendar. When the calendar was known from an earlier change and
         * the write fails (the calendar may have been deleted or moved by hand), it is prepared again and the write
         * tried once more.
         */
        private List<ActionOutcome> writeIssue(SyncTarget target, Project project, String issueId,
                                               List<DesiredEvent> desired) {
            boolean known = knowsCalendar(rt, target, project);
            try {
                List<ActionOutcome> outcomes = writeIssueIn(target, calendarOf(rt, target, project), issueId, desired);
                if (!known || outcomes.stream().noneMatch(ActionOutcome::failed)) {
                    return outcomes;
                }
            } catch (RuntimeException e) {
                if (!known) {
                    throw e;
                }
            }
            forgetWhatIsKnown();
            return writeIssueIn(target, calendarOf(rt, target, project), issueId, desired);
        }

        private List<ActionOutcome> writeIssueIn(SyncTarget target, CalendarId calendar, String issueId,
                                                 List<DesiredEvent> desired) {
            CalendarStore store = target.store();
            SyncExecutor executor = executorFor(target);
            EventIdentity identity = EventIdentity.forIssue(issueId);
            Optional<StoredEvent> known = events.get(target.name(), calendar, identity.uid());
            List<StoredEvent> current = known.isPresent() ? List.of(known.get())
                    : store.findEvent(calendar, identity).map(List::of).orElse(List.of());
            SyncPlan plan = planner.plan(desired, true, current, false);
            List<ActionOutcome> outcomes = new ArrayList<>(executor.execute(calendar, plan));
            if (plan.count(ActionKind.CREATE) > 0 && outcomes.stream().noneMatch(ActionOutcome::failed)) {
                // A new event here may be an issue that moved from another project: its old event leaves.
                outcomes.addAll(deleteCopies(target, identity.uid(), other -> !other.equals(calendar)));
            }
            return outcomes;
        }

        /** Executes a plan on the target, noting each event it leaves behind as known. */
        private SyncExecutor executorFor(SyncTarget target) {
            return new SyncExecutor(target, locks, listener).onWritten((cal, id, stored) ->
                    events.written(target.name(), cal, id.uid(), stored));
        }

        /** Deletes the owned events with this UID in the target's calendars chosen, through the planner. */
        private List<ActionOutcome> deleteCopies(SyncTarget target, String uid, Predicate<CalendarId> where) {
            SyncExecutor executor = executorFor(target);
            List<ActionOutcome> outcomes = new ArrayList<>();
            for (LocatedEvent located : target.store().findEventsByUid(uid)) {
                if (where.test(located.calendar())) {
                    SyncPlan plan = planner.plan(List.of(), true, List.of(located.stored()), false);
                    outcomes.addAll(executor.execute(located.calendar(), plan));
                }
            }
            return outcomes;
        }

        private ChangeResult applyDeletion(IssueDeleted deleted) {
            if (deleted.projectId().isPresent()) {
                Optional<Project> project = rt.issues().findProject(deleted.projectId().get());
                if (project.isPresent() && rt.issues().findIssue(project.get().id(), deleted.issueId()).isPresent()) {
                    return applyIssue(project.get().id(), deleted.issueId());
                }
            }
            long obtained = writes.stamp();
            String uid = EventIdentity.uidForIssue(deleted.issueId());
            List<ActionOutcome> outcomes = onEveryTarget(target -> deleteCopies(target, uid, c -> true));
            if (outcomes.stream().noneMatch(ActionOutcome::failed)) {
                writes.wrote(uid, GONE, obtained);
            }
            return new ChangeResult(outcomes,
                    outcomes.isEmpty() ? Optional.of("no event to delete") : Optional.empty());
        }

        private ChangeResult applyProject(ProjectChanged changed) {
            if (changed.change() == ChangeAction.DELETED) {
                projects.observed(changed.projectId(), Optional.empty());
                return ChangeResult.nothing("project deleted; its calendar is kept and can be removed by hand");
            }
            Optional<Project> project = rt.issues().findProject(changed.projectId());
            projects.observed(changed.projectId(), project);
            if (project.isEmpty()) {
                return ChangeResult.nothing("project " + changed.projectId() + " is not mirrored");
            }
            boolean anyCalendar = false;
            for (SyncTarget target : rt.targets()) {
                if (target.store().findCalendar(project.get()).isPresent()) {
                    target.store().ensureCalendar(project.get());
                    anyCalendar = true;
                }
            }
            if (!anyCalendar) {
                return ChangeResult.nothing("project has no calendar yet; the next sync creates it");
            }
            return ChangeResult.nothing("calendar of project " + project.get().identifier() + " is up to date");
        }

        /**
         * Does the work on every target, even when one fails; the first failure is thrown afterwards, so the
         * pipeline retries (a retry plans nothing where the work was done).
         */
        private List<ActionOutcome> onEveryTarget(Function<SyncTarget, List<ActionOutcome>> work) {
            List<ActionOutcome> outcomes = new ArrayList<>();
            RuntimeException first = null;
            for (SyncTarget target : rt.targets()) {
                try {
                    outcomes.addAll(work.apply(target));
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                forgetWhatIsKnown();
                throw first;
            }
            return outcomes;
        }
    }
}
