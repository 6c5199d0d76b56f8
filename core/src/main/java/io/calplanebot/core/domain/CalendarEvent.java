package io.calplanebot.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The managed properties of one all-day event: everything this tool writes, nothing else.
 * Properties a calendar user adds (alarms, X- properties) are the store's business and never appear here.
 * There is no ATTENDEE or ORGANIZER, so none is ever written: with mailto: addresses, servers would send invitation
 * e-mails. Assignees are named in the description only.
 *
 * @param start      first day ({@code DTSTART;VALUE=DATE})
 * @param end        the day after the last day ({@code DTEND;VALUE=DATE}, exclusive)
 * @param categories label names; compared as a set
 * @param color      a CSS3 colour name (RFC 7986 COLOR), if any
 * @param facts      what the issue was, for feed filters; kept by the built-in store, never compared
 */
public record CalendarEvent(
        String uid,
        String summary,
        String description,
        LocalDate start,
        LocalDate end,
        EventStatus status,
        List<String> categories,
        Optional<String> color,
        String url,
        Optional<IssueFacts> facts) {

    public CalendarEvent {
        uid = Text.requireNonBlank(uid, "UID");
        summary = Objects.requireNonNull(summary, "summary");
        description = Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an all-day event ends after it starts: start " + start + ", end " + end);
        }
        Objects.requireNonNull(status, "status");
        categories = List.copyOf(categories);
        Objects.requireNonNull(color, "color");
        url = Objects.requireNonNull(url, "url");
        Objects.requireNonNull(facts, "facts");
    }

    /** An event without issue facts (as most stores read one back). */
    public CalendarEvent(String uid, String summary, String description, LocalDate start, LocalDate end,
                         EventStatus status, List<String> categories, Optional<String> color, String url) {
        this(uid, summary, description, start, end, status, categories, color, url, Optional.empty());
    }

    /** The same event with other facts. */
    public CalendarEvent withFacts(Optional<IssueFacts> value) {
        return new CalendarEvent(uid, summary, description, start, end, status, categories, color, url, value);
    }

    /**
     * Whether two events carry the same managed content, the way a calendar server may hand it back:
     * categories as a set, line ends and trailing blanks in the description ignored, colour names
     * case-insensitive, categories split at commas (see {@link #comparableCategories()}). The facts are not compared.
     */
    public boolean sameManagedContent(CalendarEvent other) {
        return uid.equals(other.uid)
                && summary.equals(other.summary)
                && normalizeText(description).equals(normalizeText(other.description))
                && start.equals(other.start)
                && end.equals(other.end)
                && status == other.status
                && comparableCategories().equals(other.comparableCategories())
                && color.map(CalendarEvent::lower).equals(other.color.map(CalendarEvent::lower))
                && url.equals(other.url);
    }

    /** The categories as a set, without blanks. */
    public Set<String> categorySet() {
        Set<String> set = new TreeSet<>();
        for (String category : categories) {
            if (!category.isBlank()) {
                set.add(category);
            }
        }
        return set;
    }

    /**
     * The categories as compared: some servers (Xandikos, Cyrus) split a category that contains an escaped comma
     * into two, so both sides are split at commas before comparing; otherwise such an event would be rewritten on
     * every sync.
     */
    private Set<String> comparableCategories() {
        Set<String> set = new TreeSet<>();
        for (String category : categories) {
            for (String part : category.split(",")) {
                if (!part.isBlank()) {
                    set.add(part.strip());
                }
            }
        }
        return set;
    }

    public EventIdentity identity() {
        return new EventIdentity(uid, resourceNameFor(uid));
    }

    private static String resourceNameFor(String uid) {
        if (EventIdentity.isOwnedUid(uid)) {
            return uid.substring(0, uid.length() - EventIdentity.UID_SUFFIX.length()) + ".ics";
        }
        return uid.replaceAll("[^A-Za-z0-9._-]", "_") + ".ics";
    }

    private static String normalizeText(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
