package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The event being built while the mapping rules run, one property per rule. */
public final class EventDraft {
    String uid;
    String resourceName;
    String summary;
    String description;
    LocalDate start;
    LocalDate end;
    EventStatus status;
    List<String> categories = new ArrayList<>();
    Optional<String> color = Optional.empty();
    String url;
    Optional<IssueFacts> facts = Optional.empty();

    CalendarEvent build() {
        CalendarEvent event = new CalendarEvent(uid, summary, description, start, end, status, categories, color, url,
                facts);
        if (!event.identity().resourceName().equals(resourceName)) {
            throw new IllegalStateException("resource name " + resourceName + " does not match UID " + uid);
        }
        return event;
    }
}
