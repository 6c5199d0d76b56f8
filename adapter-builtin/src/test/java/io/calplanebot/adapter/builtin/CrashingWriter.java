package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.testing.Events;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The child process of {@link VdirCalendarStoreCrashIT}: writes to the store in a loop until it is killed, and
 * prints a line after each write has returned ({@code created <n>}, {@code updated <n>}).
 * Arguments: the data directory, the round (which makes the issue ids unique).
 */
public final class CrashingWriter {
    static final Project PROJECT = new Project("crash", "CR", "Crash test");
    static final String COUNTER_ISSUE = "counter";

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        String round = args[1];
        VdirCalendarStore store = VdirCalendarStore.open(data, Clock.systemUTC());
        CalendarId calendar = store.ensureCalendar(PROJECT);
        var counter = Events.anEvent().forIssue(COUNTER_ISSUE).withSummary("0").build();
        if (store.findEvent(calendar, counter.identity()).isEmpty()) {
            store.create(calendar, counter);
        }
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            store.create(calendar, Events.anEvent().forIssue(round + "-" + i).withSummary("[" + i + "] round " + round)
                    .withDescription("x".repeat(i % 500)).build());
            System.out.println("created " + round + "-" + i);
            StoredEvent current = store.findEvent(calendar, counter.identity()).orElseThrow();
            int next = Integer.parseInt(current.event().summary()) + 1;
            store.update(calendar, current.identity(), Events.anEvent().withUid(counter.uid())
                    .withSummary(Integer.toString(next)).build(), current.version());
            System.out.println("updated " + next);
            System.out.flush();
        }
    }
}
