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
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.SyncListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies one change (from a webhook) to the calendars, through the same planner and executor as a full sync. The
 * issue is read fresh from the source, so the delivery is only a hint. One change uses one runtime from start to end.
 */
public final class ChangeService {
    private final RuntimeHolder runtime;
    private final IssueLocks locks;
    private final SyncListener listener;
    private final SyncPlanner planner = new SyncPlanner();

    /** @param locks shared with the full sync, so that no two write one event at once */
    public ChangeService(RuntimeHolder runtime, IssueLocks locks, SyncListener listener) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.listener = Objects.requireNonNull(listener, "listener");
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
            Optional<Project> project = rt.issues().findProject(projectId);
            if (project.isEmpty()) {
                return ChangeResult.nothing("project " + projectId
                        + " is not mirrored (unknown, archived or filtered out)");
            }
            Optional<Issue> issue = rt.issues().findIssue(projectId, issueId);
            List<DesiredEvent> desired = issue.map(i -> List.of(DesiredEvent.of(i, rt.mapper()))).orElse(List.of());
            List<ActionOutcome> outcomes = onEveryTarget(target -> writeIssue(target, project.get(), issueId, desired));
            return new ChangeResult(outcomes,
                    outcomes.isEmpty() ? Optional.of("calendar already up to date") : Optional.empty());
        }

        private List<ActionOutcome> writeIssue(SyncTarget target, Project project, String issueId,
                                               List<DesiredEvent> desired) {
            CalendarStore store = target.store();
            SyncExecutor executor = new SyncExecutor(target, locks, listener);
            CalendarId calendar = store.ensureCalendar(project);
            EventIdentity identity = EventIdentity.forIssue(issueId);
            List<StoredEvent> current = store.findEvent(calendar, identity).map(List::of).orElse(List.of());
            SyncPlan plan = planner.plan(desired, true, current, false);
            List<ActionOutcome> outcomes = new ArrayList<>(executor.execute(calendar, plan));
            if (plan.count(ActionKind.CREATE) > 0 && outcomes.stream().noneMatch(ActionOutcome::failed)) {
                // A new event here may be an issue that moved from another project: its old event leaves.
                outcomes.addAll(deleteCopies(target, identity.uid(), other -> !other.equals(calendar)));
            }
            return outcomes;
        }

        /** Deletes the owned events with this UID in the target's calendars chosen, through the planner. */
        private List<ActionOutcome> deleteCopies(SyncTarget target, String uid, Predicate<CalendarId> where) {
            SyncExecutor executor = new SyncExecutor(target, locks, listener);
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
            String uid = EventIdentity.uidForIssue(deleted.issueId());
            List<ActionOutcome> outcomes = onEveryTarget(target -> deleteCopies(target, uid, c -> true));
            return new ChangeResult(outcomes,
                    outcomes.isEmpty() ? Optional.of("no event to delete") : Optional.empty());
        }

        private ChangeResult applyProject(ProjectChanged changed) {
            if (changed.change() == ChangeAction.DELETED) {
                return ChangeResult.nothing("project deleted; its calendar is kept and can be removed by hand");
            }
            Optional<Project> project = rt.issues().findProject(changed.projectId());
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
                throw first;
            }
            return outcomes;
        }
    }
}
