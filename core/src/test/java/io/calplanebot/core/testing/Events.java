package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Fixture builder for events: {@code Events.anEvent().withSummary("[1] Fix").build()}. */
public final class Events {
    private String uid = EventIdentity.uidForIssue(UUID.randomUUID().toString());
    private String summary = "[1] An event";
    private String description = "Some text\n\n---\nState: Todo";
    private LocalDate start = LocalDate.of(2026, 12, 24);
    private EventStatus status = EventStatus.CONFIRMED;
    private List<String> categories = List.of();
    private String color;
    private String url = "https://plane.example.com/acme/browse/MOB-1/";

    private Events() {
    }

    public static Events anEvent() {
        return new Events();
    }

    public Events withUid(String value) {
        this.uid = value;
        return this;
    }

    public Events forIssue(String issueId) {
        this.uid = EventIdentity.uidForIssue(issueId);
        return this;
    }

    public Events withSummary(String value) {
        this.summary = value;
        return this;
    }

    public Events withDescription(String value) {
        this.description = value;
        return this;
    }

    public Events on(LocalDate value) {
        this.start = value;
        return this;
    }

    public Events withStatus(EventStatus value) {
        this.status = value;
        return this;
    }

    public Events withCategories(String... values) {
        this.categories = List.of(values);
        return this;
    }

    public Events withColor(String value) {
        this.color = value;
        return this;
    }

    public Events withUrl(String value) {
        this.url = value;
        return this;
    }

    public CalendarEvent build() {
        return new CalendarEvent(uid, summary, description, start, start.plusDays(1), status, categories,
                Optional.ofNullable(color), url);
    }
}
