package io.calplanebot.core.sync;

import io.calplanebot.core.testing.MutableClock;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.Issues;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/** A sync service over the in-memory fakes, with a hand-moved clock. */
final class ServiceHarness {
    static final Project MOB = Issues.PROJECT;
    static final Project WEB = new Project("22222222-2222-4222-8222-222222222222", "WEB", "Website");
    static final Project OPS = new Project("33333333-3333-4333-8333-333333333333", "OPS", "Operations");

    final InMemoryIssueSource source = new InMemoryIssueSource();
    final InMemoryCalendarStore store;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    ServiceHarness() {
        this(new InMemoryCalendarStore());
    }

    ServiceHarness(InMemoryCalendarStore store) {
        this.store = store;
    }

    SyncService service() {
        return builder().build();
    }

    SyncService.Builder builder() {
        return builder(source);
    }

    SyncService.Builder builder(IssueSource issueSource) {
        return SyncService.builder().issueSource(issueSource).calendarStore(store).mapper(SyncFixtures.MAPPER)
                .clock(clock).listener(SyncListener.NONE).background(Runnable::run);
    }

    SyncService serviceWith(Executor background) {
        return builder().background(background).build();
    }

    CalendarId calendarOf(Project project) {
        return store.findCalendar(project).orElseThrow(() -> new AssertionError("no calendar for " + project));
    }

    /** The owned events of a project's calendar by UID. */
    Map<String, CalendarEvent> owned(Project project) {
        Map<String, CalendarEvent> events = new TreeMap<>();
        for (StoredEvent stored : store.listOwnedEvents(calendarOf(project))) {
            events.put(stored.uid(), stored.event());
        }
        return events;
    }

    Issue put(Issue issue) {
        source.put(issue);
        return issue;
    }
}
