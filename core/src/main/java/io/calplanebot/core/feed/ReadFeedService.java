package io.calplanebot.core.feed;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.domain.feed.ArchivedCalendar;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.in.Feed;
import io.calplanebot.core.port.in.FeedEvents;
import io.calplanebot.core.port.in.ReadFeedUseCase;
import io.calplanebot.core.port.out.CalendarArchive;
import io.calplanebot.core.port.out.FeedTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Opens feeds by token: hashes the token, finds the feed, notes the access (at most once a minute per feed, so
 * that a busy feed does not rewrite the token storage on every fetch) and hands out the archive's events through
 * the feed's filter.
 */
public final class ReadFeedService implements ReadFeedUseCase {
    /** Tokens are URL-safe base64; anything else (or anything longer) cannot be one and is not even hashed. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);

    private final CalendarArchive archive;
    private final FeedTokens tokens;
    private final Clock clock;

    public ReadFeedService(CalendarArchive archive, FeedTokens tokens, Clock clock) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Feed> byToken(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<FeedRecord> found = tokens.findByTokenHash(TokenHash.of(token));
        found.ifPresent(this::noteAccess);
        return found.map(feed -> feed(feed.name().value(), feed.filter(), feed.created()));
    }

    @Override
    public Optional<Feed> publicProject(String project) {
        if (project == null || project.isBlank()) {
            return Optional.empty();
        }
        FeedFilter filter = FeedFilter.project(project);
        if (!anyEvent(filter)) {
            return Optional.empty();
        }
        return Optional.of(feed("Plane: " + project.strip(), filter, Instant.EPOCH));
    }

    private Feed feed(String name, FeedFilter filter, Instant created) {
        ArchiveVersion version = archive.version();
        Instant lastModified = version.lastModified().isAfter(created) ? version.lastModified() : created;
        String tag = TokenHash.of(version.tag() + "\n" + name + "\n" + filter.describe()).hex().substring(0, 32);
        FeedEvents events = sink -> forEachShown(filter, sink);
        return new Feed(name, tag, lastModified, events);
    }

    private void forEachShown(FeedFilter filter, Consumer<CalendarEvent> sink) {
        for (ArchivedCalendar calendar : archive.calendars()) {
            archive.readEvents(calendar.id(), event -> filter.present(event).ifPresent(sink));
        }
    }

    private boolean anyEvent(FeedFilter filter) {
        AtomicBoolean found = new AtomicBoolean();
        for (ArchivedCalendar calendar : archive.calendars()) {
            archive.readEvents(calendar.id(), event -> {
                if (!found.get() && filter.matches(event)) {
                    found.set(true);
                }
            });
            if (found.get()) {
                return true;
            }
        }
        return false;
    }

    private void noteAccess(FeedRecord feed) {
        Instant now = clock.instant();
        boolean stale = feed.lastAccess().map(last -> !now.isBefore(last.plus(ACCESS_RESOLUTION))).orElse(true);
        if (stale) {
            tokens.recordAccess(feed.name(), now);
        }
    }
}
