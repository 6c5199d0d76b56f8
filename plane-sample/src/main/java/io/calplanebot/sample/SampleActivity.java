package io.calplanebot.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Someone at work in the sample workspace: each {@link #next()} changes one issue as a Plane user would (moves its
 * due date, renames it, completes it, reopens it) and sends the signed webhook Plane would send for it. The issues
 * and the kinds of change take turns, so a person watching a calendar sees a different issue move each time.
 */
public final class SampleActivity {
    private final FakePlane plane;
    private final PlaneWebhookSender sender;
    private final List<String> issueIds;
    private int step;

    /** @param issueIds the issues to change, in turn (those with a due date, for a visible change) */
    public SampleActivity(FakePlane plane, PlaneWebhookSender sender, List<String> issueIds) {
        this.plane = Objects.requireNonNull(plane, "plane");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.issueIds = List.copyOf(issueIds);
        if (this.issueIds.isEmpty()) {
            throw new IllegalArgumentException("no issues to change");
        }
    }

    /** Makes the next change and sends its webhook; returns one line for a log, with the receiver's HTTP status. */
    public String next() {
        String issueId = issueIds.get(step % issueIds.size());
        ChangeKind kind = ChangeKind.values()[step % ChangeKind.values().length];
        step++;
        Change change = apply(kind, issueId);
        SentWebhook sent = sender.send(plane.webhooks().issueUpdated(issueId, change.field, change.oldValue,
                change.newValue));
        return change.description + " (webhook: HTTP " + sent.status() + ")";
    }

    private Change apply(ChangeKind kind, String issueId) {
        synchronized (plane) {
            FakeIssue issue = plane.issue(issueId);
            String label = plane.project(issue.projectId).identifier + "-" + issue.sequenceId;
            switch (kind) {
                case MOVE_DUE_DATE:
                    LocalDate oldDate = issue.targetDate;
                    LocalDate newDate = (oldDate == null ? LocalDate.now() : oldDate).plusDays(1);
                    plane.setTargetDate(issueId, newDate);
                    return new Change("target_date", PlaneTime.date(oldDate), newDate.toString(),
                            label + " due date moved " + (oldDate == null ? "(none)" : oldDate) + " -> " + newDate);
                case RENAME:
                    String oldName = issue.name;
                    String newName = oldName.endsWith(" (revised)")
                            ? oldName.substring(0, oldName.length() - " (revised)".length())
                            : oldName + " (revised)";
                    plane.updateIssue(issueId, d -> d.name(newName));
                    return new Change("name", oldName, newName, label + " renamed to \"" + newName + "\"");
                default:
                    String oldState = issue.stateId;
                    boolean done = plane.states.get(oldState).group().equals("completed");
                    String target = done ? "In Progress" : "Done";
                    plane.updateIssue(issueId, d -> d.state(target));
                    return new Change("state", oldState, issue.stateId,
                            label + (done ? " reopened (In Progress)" : " completed (Done)"));
            }
        }
    }

    /** The kinds of change, in the order they take turns. */
    private enum ChangeKind { MOVE_DUE_DATE, RENAME, COMPLETE_OR_REOPEN }

    /** One applied change: the activity's field and values, and the line for a person. */
    private record Change(String field, Object oldValue, Object newValue, String description) {
    }

    /** Ids of the issues of {@code plane} that have a due date, in the order they were added. */
    public static List<String> datedIssues(FakePlane plane) {
        synchronized (plane) {
            List<String> out = new ArrayList<>();
            plane.issues.values().stream().filter(i -> i.targetDate != null && !i.deleted).forEach(i -> out.add(i.id));
            return out;
        }
    }
}
