package io.calplanebot.core.port.in;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of one sync action.
 *
 * @param target   the target it touched (e.g. {@code builtin}, {@code caldav})
 * @param calendar the calendar it touched
 * @param uid      the event's UID
 * @param summary  the event's summary (for people reading a report)
 * @param date     the event's day: the new one for a create or update, the old one for a delete
 * @param reason   why it failed, or why it ended differently than planned
 */
public record ActionOutcome(
        String target, String calendar, String uid, String summary, Optional<LocalDate> date, ActionKind action,
        OutcomeKind outcome, Optional<String> reason) {

    public ActionOutcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** An outcome whose event day is not known. */
    public ActionOutcome(String target, String calendar, String uid, String summary, ActionKind action,
                         OutcomeKind outcome, Optional<String> reason) {
        this(target, calendar, uid, summary, Optional.empty(), action, outcome, reason);
    }

    public boolean failed() {
        return outcome == OutcomeKind.FAILED;
    }
}
