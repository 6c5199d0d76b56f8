package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.StoredEvent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stored event's identity and decoded content as a compact binary record: what the stores keep in their status
 * files (the data directory's caches of what they last read or wrote), so that the next process need not read and
 * decode an unchanged event again. A damaged record fails with an {@link IOException}; the caller then drops the
 * whole cache.
 */
public final class StoredEventRecords {
    private static final int MAX_TEXT = 16 * 1024 * 1024;
    private static final int MAX_ITEMS = 10_000;

    private StoredEventRecords() {
    }

    /** Writes the event's identity and content (the version is the caller's to keep). */
    public static void write(DataOutput out, StoredEvent stored) throws IOException {
        CalendarEvent event = stored.event();
        text(out, stored.identity().uid());
        text(out, stored.identity().resourceName());
        text(out, event.summary());
        text(out, event.description());
        out.writeLong(event.start().toEpochDay());
        out.writeLong(event.end().toEpochDay());
        text(out, event.status().name());
        out.writeInt(event.categories().size());
        for (String category : event.categories()) {
            text(out, category);
        }
        out.writeBoolean(event.color().isPresent());
        if (event.color().isPresent()) {
            text(out, event.color().get());
        }
        text(out, event.url());
        out.writeBoolean(event.facts().isPresent());
        if (event.facts().isPresent()) {
            IssueFacts facts = event.facts().get();
            text(out, facts.projectId());
            text(out, facts.projectIdentifier());
            text(out, facts.stateGroup().name());
            text(out, facts.priority().name());
            out.writeInt(facts.assignees().size());
            for (Person person : facts.assignees()) {
                text(out, person.id());
                text(out, person.email());
                text(out, person.displayName());
            }
        }
    }

    /** Reads what {@link #write} wrote, as the event stored at {@code version}. */
    public static StoredEvent read(DataInput in, EventVersion version) throws IOException {
        try {
            String uid = text(in);
            String resourceName = text(in);
            String summary = text(in);
            String description = text(in);
            LocalDate start = LocalDate.ofEpochDay(in.readLong());
            LocalDate end = LocalDate.ofEpochDay(in.readLong());
            EventStatus status = EventStatus.valueOf(text(in));
            int categoryCount = count(in);
            List<String> categories = new ArrayList<>(categoryCount);
            for (int i = 0; i < categoryCount; i++) {
                categories.add(text(in));
            }
            Optional<String> color = in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
            String url = text(in);
            Optional<IssueFacts> facts = Optional.empty();
            if (in.readBoolean()) {
                String projectId = text(in);
                String projectIdentifier = text(in);
                StateGroup group = StateGroup.valueOf(text(in));
                Priority priority = Priority.valueOf(text(in));
                int assigneeCount = count(in);
                List<Person> assignees = new ArrayList<>(assigneeCount);
                for (int i = 0; i < assigneeCount; i++) {
                    assignees.add(new Person(text(in), text(in), text(in)));
                }
                facts = Optional.of(new IssueFacts(projectId, projectIdentifier, group, priority, assignees));
            }
            return new StoredEvent(new EventIdentity(uid, resourceName), version,
                    new CalendarEvent(uid, summary, description, start, end, status, categories, color, url, facts));
        } catch (RuntimeException e) { // a damaged record that still parsed: a bad name, date or blank id
            throw new IOException("damaged: " + e.getMessage(), e);
        }
    }

    /** A length-prefixed UTF-8 text. */
    public static void text(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #text(DataOutput, String)} wrote; refuses a length no record has. */
    public static String text(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("damaged: a text of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new IOException("damaged: " + count + " items");
        }
        return count;
    }
}
