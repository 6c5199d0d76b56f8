package io.calplanebot.core.feed;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.testing.Events;

import java.util.List;
import java.util.Optional;

/** Events as the mapper makes them, with their issue facts, for feed tests. */
final class FeedEventsFixture {
    static final Person ANA = new Person("u-ana", "ana@example.com", "Ana Lima");
    static final Person BO = new Person("u-bo", "bo@example.com", "Bo Chen");

    private FeedEventsFixture() {
    }

    static CalendarEvent event(String issueId, String project, StateGroup group, Priority priority,
                               List<Person> assignees, String... labels) {
        return Events.anEvent().forIssue(issueId).withCategories(labels)
                .withStatus(group.isClosed() ? EventStatus.CANCELLED : EventStatus.CONFIRMED)
                .build()
                .withFacts(Optional.of(new IssueFacts("id-" + project, project, group, priority, assignees)));
    }
}
