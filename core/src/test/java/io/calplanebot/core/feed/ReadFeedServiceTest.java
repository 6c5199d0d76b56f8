package io.calplanebot.core.feed;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.port.in.Feed;
import io.calplanebot.core.port.in.NewFeed;
import io.calplanebot.core.testing.InMemoryCalendarArchive;
import io.calplanebot.core.testing.InMemoryFeedTokens;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.calplanebot.core.feed.FeedEventsFixture.ANA;
import static io.calplanebot.core.feed.FeedEventsFixture.BO;
import static io.calplanebot.core.feed.FeedEventsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

class ReadFeedServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryCalendarArchive archive = new InMemoryCalendarArchive(clock);
    private final InMemoryFeedTokens tokens = new InMemoryFeedTokens();
    private final ManageFeedsService manage = new ManageFeedsService(tokens, new SecureRandom(), clock);
    private final ReadFeedService read = new ReadFeedService(archive, tokens, clock);

    private final CalendarEvent anasBug = event("1", "MOB", StateGroup.STARTED, Priority.HIGH, List.of(ANA), "bug");
    private final CalendarEvent bosDone = event("2", "MOB", StateGroup.COMPLETED, Priority.LOW, List.of(BO));
    private final CalendarEvent webTask = event("3", "WEB", StateGroup.UNSTARTED, Priority.NONE, List.of(ANA));

    ReadFeedServiceTest() {
        archive.put("Plane: Mobile", anasBug, bosDone).put("Plane: Web", webTask);
    }

    private static List<CalendarEvent> events(Feed feed) {
        List<CalendarEvent> seen = new ArrayList<>();
        feed.events().forEach(seen::add);
        return seen;
    }

    @Test
    void token_opensItsFeed_withTheFilteredEventsOfEveryCalendar() {
        NewFeed ana = manage.add(new FeedName("ana"), FeedFilter.everything().withAssignees(Set.of("Ana Lima")));

        Feed feed = read.byToken(ana.token()).orElseThrow();

        assertThat(feed.name()).isEqualTo("ana");
        assertThat(events(feed)).extracting(CalendarEvent::uid).containsExactlyInAnyOrder(anasBug.uid(), webTask.uid());
    }

    @Test
    void completedMode_decidesHowAClosedIssueAppears() {
        String cancelled = manage.add(new FeedName("c"), FeedFilter.project("MOB")).token();
        FeedFilter mob = FeedFilter.project("MOB");
        String show = manage.add(new FeedName("s"), mob.withCompleted(CompletedMode.SHOW)).token();
        String hide = manage.add(new FeedName("h"), mob.withCompleted(CompletedMode.HIDE)).token();

        assertThat(events(read.byToken(cancelled).orElseThrow())).filteredOn(e -> e.uid().equals(bosDone.uid()))
                .extracting(CalendarEvent::status).containsExactly(EventStatus.CANCELLED);
        assertThat(events(read.byToken(show).orElseThrow())).filteredOn(e -> e.uid().equals(bosDone.uid()))
                .extracting(CalendarEvent::status).containsExactly(EventStatus.CONFIRMED);
        assertThat(events(read.byToken(hide).orElseThrow())).extracting(CalendarEvent::uid)
                .containsExactly(anasBug.uid());
    }

    @Test
    void unknownRevokedOrMalformedTokens_openNothing() {
        NewFeed feed = manage.add(new FeedName("gone"), FeedFilter.everything());
        manage.revoke(new FeedName("gone"));

        assertThat(read.byToken(feed.token())).isEmpty();
        assertThat(read.byToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(read.byToken("../../etc/passwd")).isEmpty();
        assertThat(read.byToken("")).isEmpty();
        assertThat(read.byToken(null)).isEmpty();
    }

    @Test
    void versionTag_changesWithTheArchive_andDiffersBetweenFeeds() {
        String a = manage.add(new FeedName("a"), FeedFilter.everything()).token();
        String b = manage.add(new FeedName("b"), FeedFilter.project("MOB")).token();
        String before = read.byToken(a).orElseThrow().versionTag();

        assertThat(read.byToken(a).orElseThrow().versionTag()).isEqualTo(before);
        assertThat(read.byToken(b).orElseThrow().versionTag()).isNotEqualTo(before);
        clock.advance(Duration.ofMinutes(5));
        archive.remove(webTask.uid());
        Feed after = read.byToken(a).orElseThrow();
        assertThat(after.versionTag()).isNotEqualTo(before);
        assertThat(after.lastModified()).isEqualTo(clock.instant());
    }

    @Test
    void lastModified_isNeverBeforeTheFeedWasMade() {
        clock.advance(Duration.ofHours(1));
        String token = manage.add(new FeedName("late"), FeedFilter.everything()).token();

        assertThat(read.byToken(token).orElseThrow().lastModified()).isEqualTo(clock.instant());
    }

    @Test
    void access_isRecorded_atMostOncePerMinute() {
        String token = manage.add(new FeedName("a"), FeedFilter.everything()).token();

        read.byToken(token);
        read.byToken(token);
        clock.advance(Duration.ofSeconds(61));
        read.byToken(token);

        assertThat(tokens.accessWrites()).isEqualTo(2);
        assertThat(manage.list().get(0).lastAccess()).contains(clock.instant());
    }

    @Test
    void publicProject_servesTheUnfilteredProjectFeed_orNothingForAnUnknownProject() {
        Feed mob = read.publicProject("mob").orElseThrow();

        assertThat(mob.name()).isEqualTo("Plane: mob");
        assertThat(events(mob)).extracting(CalendarEvent::uid).containsExactlyInAnyOrder(anasBug.uid(), bosDone.uid());
        assertThat(read.publicProject("NOPE")).isEmpty();
        assertThat(read.publicProject(" ")).isEmpty();
        assertThat(tokens.list()).isEmpty();
    }
}
