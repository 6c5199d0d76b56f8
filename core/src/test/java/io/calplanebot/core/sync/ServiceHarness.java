package io.calplanebot.core.sync;

import io.calplanebot.core.testing.MutableClock;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.Issues;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/** The core engine over the in-memory fakes, with a hand-moved clock. */
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

    TestEngine service() {
        return builder().build();
    }

    EngineBuilder builder() {
        return builder(source);
    }

    EngineBuilder builder(IssueSource issueSource) {
        return new EngineBuilder(SyncEngine.builder().issueSource(issueSource).calendarStore(store)
                .mapper(SyncFixtures.MAPPER).clock(clock).listener(SyncListener.NONE).background(Runnable::run));
    }

    TestEngine serviceWith(Executor background) {
        return builder().background(background).build();
    }

    /** The engine's builder, with the settings these tests change. */
    static final class EngineBuilder {
        private final SyncEngine.Builder builder;

        EngineBuilder(SyncEngine.Builder builder) {
            this.builder = builder;
        }

        EngineBuilder listener(SyncListener listener) {
            builder.listener(listener);
            return this;
        }

        EngineBuilder background(Executor background) {
            builder.background(background);
            return this;
        }

        TestEngine build() {
            return new TestEngine(builder.build());
        }
    }

    /** The engine's three use cases side by side, as the tests drive them. */
    static final class TestEngine {
        final SyncEngine engine;

        TestEngine(SyncEngine engine) {
            this.engine = engine;
        }

        SyncReport runFullSync(RunSyncCommand command) {
            return engine.fullSync().runFullSync(command);
        }

        SyncTicket triggerFullSync(RunSyncCommand command) {
            return engine.fullSync().triggerFullSync(command);
        }

        boolean isRunning() {
            return engine.fullSync().isRunning();
        }

        ChangeResult apply(WebhookNotification notification) {
            return engine.changes().apply(notification);
        }

        SyncStatus status() {
            return engine.status().status();
        }

        HealthReport health() {
            return engine.status().health();
        }
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
