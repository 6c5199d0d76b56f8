package io.calplanebot.adapter.http;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.domain.feed.ArchivedCalendar;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.feed.ManageFeedsService;
import io.calplanebot.core.feed.ReadFeedService;
import io.calplanebot.core.port.out.CalendarArchive;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.InMemoryFeedTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store that fails while a feed is written never yields a calendar that looks complete but is not. */
class FeedFailureIT {
    private final BreakingArchive archive = new BreakingArchive();
    private final InMemoryFeedTokens tokens = new InMemoryFeedTokens();
    private final TestApi t = TestApi.withFeeds(TestApi.ROOMY, clock -> new ReadFeedService(archive, tokens, clock));
    private final String path = "/feeds/" + new ManageFeedsService(tokens, new SecureRandom(), t.clock)
            .add(new FeedName("all"), FeedFilter.everything()).token() + ".ics";

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void aFailureBeforeTheFirstBytesLeave_isAnErrorAnswer_withoutTheFeedsHeaders() {
        archive.breakAfter = 3;

        Answer answer = t.get(path);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("ETag")).isNull();
        assertThat(answer.body()).doesNotContain("BEGIN:VCALENDAR");
    }

    @Test
    void aFailureAfterTheFirstBytesLeft_abortsTheTransfer() {
        archive.breakAfter = 5_000;

        assertThatThrownBy(() -> t.client.send(t.request(path).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aStoreThatWorks_servesEveryEvent() {
        archive.breakAfter = Integer.MAX_VALUE;

        Answer answer = t.get(path);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().split("BEGIN:VEVENT", -1)).hasSize(BreakingArchive.EVENTS + 1);
    }

    /** One calendar of many events that breaks (as an unreachable store) after a number of them. */
    private static final class BreakingArchive implements CalendarArchive {
        static final int EVENTS = 6_000;
        volatile int breakAfter;

        @Override
        public List<ArchivedCalendar> calendars() {
            return List.of(new ArchivedCalendar(new CalendarId("c"), "Plane: C"));
        }

        @Override
        public void readEvents(CalendarId calendar, Consumer<CalendarEvent> sink) {
            for (int i = 0; i < EVENTS; i++) {
                if (i == breakAfter) {
                    throw new CalendarStoreException(CalendarStoreException.Reason.UNREACHABLE, "disk gone");
                }
                sink.accept(Events.anEvent().forIssue("i-" + i).build());
            }
        }

        @Override
        public ArchiveVersion version() {
            return new ArchiveVersion("1", Instant.parse("2026-11-30T10:00:00Z"));
        }
    }
}
