package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

import java.time.LocalDate;

/**
 * DTSTART/DTEND: an all-day event on the target date: DTSTART;VALUE=DATE is the target date, DTEND;VALUE=DATE the
 * day after (exclusive).
 */
final class AllDayDatesRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        LocalDate due = issue.targetDate().orElseThrow(() -> new IllegalArgumentException(
                "issue " + issue.id() + " has no target date"));
        draft.start = due;
        draft.end = due.plusDays(1);
    }
}
