package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.mapping.MappingSettings;
import io.calplanebot.core.testing.Issues;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the sync tests. */
final class SyncFixtures {
    static final MappingSettings SETTINGS = new MappingSettings("https://plane.example.com", "acme");
    static final IssueEventMapper MAPPER = new IssueEventMapper(SETTINGS);

    private SyncFixtures() {
    }

    /** The issues as the planner takes them: mapped by {@link #MAPPER}. */
    static List<DesiredEvent> desired(java.util.Collection<Issue> issues) {
        return issues.stream().map(issue -> DesiredEvent.of(issue, MAPPER)).collect(java.util.stream.Collectors.toList());
    }

    static CalendarEvent eventOf(Issue issue) {
        return MAPPER.map(issue).orElseThrow();
    }

    /** The event an issue maps to, as a store would hold it. */
    static StoredEvent storedOf(Issue issue) {
        return stored(eventOf(issue));
    }

    static StoredEvent stored(CalendarEvent event) {
        return new StoredEvent(event.identity(), new EventVersion("\"v1\""), event);
    }

    /** {@code count} dated issues numbered from 1. */
    static List<Issue> issues(int count) {
        List<Issue> issues = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            issues.add(Issues.anIssue().withSequenceId(i).withName("Issue " + i).build());
        }
        return issues;
    }

    static List<StoredEvent> storedOf(List<Issue> issues) {
        List<StoredEvent> stored = new ArrayList<>();
        for (Issue issue : issues) {
            stored.add(storedOf(issue));
        }
        return stored;
    }
}
