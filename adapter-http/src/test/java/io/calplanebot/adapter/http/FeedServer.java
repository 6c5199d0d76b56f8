package io.calplanebot.adapter.http;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.feed.ManageFeedsService;
import io.calplanebot.core.feed.ReadFeedService;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.InMemoryCalendarArchive;
import io.calplanebot.core.testing.InMemoryFeedTokens;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A real {@link HttpApi} whose feeds are core's real services over an in-memory archive and token store. */
final class FeedServer implements AutoCloseable {
    static final Person ANA = new Person("u-ana", "ana@example.com", "Ana Lima");
    static final Person BO = new Person("u-bo", "bo@example.com", "Bo Chen");

    final InMemoryFeedTokens tokens = new InMemoryFeedTokens();
    final TestApi t;
    final InMemoryCalendarArchive archive;
    final ManageFeedsService manage;

    FeedServer(ApiSettings settings) {
        InMemoryFeedTokens store = tokens;
        InMemoryCalendarArchive[] made = new InMemoryCalendarArchive[1];
        t = TestApi.withFeeds(settings, clock -> {
            made[0] = new InMemoryCalendarArchive(clock);
            return new ReadFeedService(made[0], store, clock);
        });
        archive = made[0];
        manage = new ManageFeedsService(tokens, new SecureRandom(), t.clock);
    }

    /** A new feed's token. */
    String add(String name, FeedFilter filter) {
        return manage.add(new FeedName(name), filter).token();
    }

    Answer get(String path, String... headers) {
        return t.get(path, headers);
    }

    static CalendarEvent event(String issueId, String project, StateGroup group, Priority priority,
                               List<Person> assignees, String... labels) {
        return Events.anEvent().forIssue(issueId).withCategories(labels)
                .withSummary("[" + issueId + "] Issue " + issueId)
                .on(LocalDate.of(2026, 12, 1).plusDays(issueId.hashCode() & 15))
                .withStatus(group.isClosed() ? EventStatus.CANCELLED : EventStatus.CONFIRMED)
                .build()
                .withFacts(Optional.of(new IssueFacts("pid-" + project, project, group, priority, assignees)));
    }

    @Override
    public void close() {
        t.close();
    }
}
