package io.calplanebot.adapter.http;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static io.calplanebot.adapter.http.FeedServer.ANA;
import static io.calplanebot.adapter.http.FeedServer.BO;
import static io.calplanebot.adapter.http.FeedServer.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The feed routes over HTTP, read back by ical4j as a calendar client would. */
class FeedEndpointIT {
    private final FeedServer s = new FeedServer(TestApi.ROOMY);
    private final CalendarEvent anasBug = event("1", "MOB", StateGroup.STARTED, Priority.HIGH, List.of(ANA), "bug");
    private final CalendarEvent bosDone = event("2", "MOB", StateGroup.COMPLETED, Priority.LOW, List.of(BO));
    private final CalendarEvent webTask = event("3", "WEB", StateGroup.UNSTARTED, Priority.NONE, List.of(ANA, BO));

    FeedEndpointIT() {
        s.archive.put("Plane: Mobile", anasBug, bosDone).put("Plane: Web", webTask);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void get_servesTheFilteredFeed_asTextCalendar_withNameAndRefreshInterval() {
        String token = s.add("ana", FeedFilter.everything().withAssignees(Set.of("ana@example.com")));

        Answer answer = s.get("/feeds/" + token + ".ics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        IcsParsed feed = IcsParsed.parse(answer.body());
        assertThat(feed.events.keySet()).containsExactlyInAnyOrder(anasBug.uid(), webTask.uid());
        assertThat(feed.calendarProperty("X-WR-CALNAME")).isEqualTo("ana");
        assertThat(feed.calendarProperty("NAME")).isEqualTo("ana");
        assertThat(feed.calendarProperty("X-PUBLISHED-TTL")).isEqualTo("PT15M");
        assertThat(answer.body()).contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n");
    }

    @Test
    void everyEvent_carriesTheManagedPropertiesOfItsCalDavTwin() {
        String token = s.add("all", FeedFilter.everything());

        IcsParsed feed = IcsParsed.parse(s.get("/feeds/" + token + ".ics").body());

        for (CalendarEvent expected : List.of(anasBug, bosDone, webTask)) {
            String uid = expected.uid();
            assertThat(feed.eventProperty(uid, "SUMMARY")).isEqualTo(expected.summary());
            assertThat(feed.eventProperty(uid, "DESCRIPTION")).isEqualTo(expected.description());
            assertThat(feed.eventProperty(uid, "DTSTART")).isEqualTo(basic(expected.start().toString()));
            assertThat(feed.eventProperty(uid, "DTEND")).isEqualTo(basic(expected.end().toString()));
            assertThat(feed.eventProperty(uid, "STATUS")).isEqualTo(expected.status().name());
            assertThat(feed.eventProperty(uid, "URL")).isEqualTo(expected.url());
            assertThat(feed.eventProperty(uid, "DTSTAMP")).isNotBlank();
        }
        assertThat(feed.eventProperty(anasBug.uid(), "CATEGORIES")).isEqualTo("bug");
    }

    @Test
    void completedModes_cancelledShowAndHide_asAClientSeesThem() {
        String cancelled = s.add("c", FeedFilter.everything());
        String show = s.add("s", FeedFilter.everything().withCompleted(CompletedMode.SHOW));
        String hide = s.add("h", FeedFilter.everything().withCompleted(CompletedMode.HIDE));

        assertThat(IcsParsed.parse(s.get("/feeds/" + cancelled + ".ics").body())
                .eventProperty(bosDone.uid(), "STATUS")).isEqualTo("CANCELLED");
        assertThat(IcsParsed.parse(s.get("/feeds/" + show + ".ics").body())
                .eventProperty(bosDone.uid(), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(IcsParsed.parse(s.get("/feeds/" + hide + ".ics").body()).events)
                .containsOnlyKeys(anasBug.uid(), webTask.uid());
    }

    @Test
    void longUnicodeText_isFoldedAt75Octets_andUnfoldsToTheOriginal() {
        String summary = "[9] Ünïcødé 🚀 日本語のタイトル " + "ה".repeat(40) + " done; a,b\\c";
        CalendarEvent wordy = Events.anEvent().forIssue("9").withSummary(summary).build();
        s.archive.put("Plane: Mobile", wordy);
        String token = s.add("all", FeedFilter.everything());

        String body = s.get("/feeds/" + token + ".ics").body();

        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(body).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        assertThat(IcsParsed.parse(body).eventProperty(wordy.uid(), "SUMMARY")).isEqualTo(summary);
    }

    @Test
    void etag_ifNoneMatch_answers304_untilTheArchiveChanges() {
        String token = s.add("all", FeedFilter.everything());
        String path = "/feeds/" + token + ".ics";
        String etag = s.get(path).header("ETag");

        Answer same = s.get(path, "If-None-Match", etag);
        s.t.clock.advance(Duration.ofMinutes(1));
        s.archive.remove(webTask.uid());
        Answer changed = s.get(path, "If-None-Match", etag);

        assertThat(etag).startsWith("W/\"");
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(IcsParsed.parse(changed.body()).events).doesNotContainKey(webTask.uid());
    }

    @Test
    void lastModified_ifModifiedSince_answers304_andAnOlderDateGetsTheFeed() {
        String token = s.add("all", FeedFilter.everything());
        String path = "/feeds/" + token + ".ics";
        String lastModified = s.get(path).header("Last-Modified");

        Answer same = s.get(path, "If-Modified-Since", lastModified);
        Answer older = s.get(path, "If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT");

        assertThat(lastModified).endsWith(" GMT");
        assertThat(same.status()).isEqualTo(304);
        assertThat(older.status()).isEqualTo(200);
    }

    @Test
    void head_answersTheHeadersOfGet_withoutABody() {
        String token = s.add("all", FeedFilter.everything());
        String path = "/feeds/" + token + ".ics";
        Answer get = s.get(path);

        Answer head = s.t.send(s.t.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.header("Last-Modified")).isEqualTo(get.header("Last-Modified"));
    }

    @Test
    void gzip_whenTheClientAsks_andTheSameCalendarInside() throws Exception {
        String token = s.add("all", FeedFilter.everything());
        String path = "/feeds/" + token + ".ics";

        HttpResponse<byte[]> zipped = s.t.client.send(s.t.request(path).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gunzip(zipped.body())).isEqualTo(s.get(path).body());
        assertThat(s.get(path).header("Content-Encoding")).isNull();
    }

    @Test
    void unknownAndRevokedTokens_getTheSame404_asAPathThatDoesNotExist() {
        String token = s.add("gone", FeedFilter.everything());
        s.manage.revoke(new FeedName("gone"));

        Answer nowhere = s.get("/no/such/route");
        for (String path : List.of("/feeds/" + token + ".ics", "/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
                "/feeds/" + token, "/feeds/public/MOB.ics")) {
            Answer answer = s.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).isEqualTo(nowhere.body());
            assertThat(answer.header("Content-Type")).as(path).isEqualTo(nowhere.header("Content-Type"));
            assertThat(answer.header("X-RateLimit-Limit")).as(path).isNull();
            assertThat(answer.json().path("error_code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void untokenedProjectFeed_isServedOnlyWhenAllowed() {
        s.t.api.update(TestApi.ROOMY.withUntokenedFeeds(true));

        Answer mob = s.get("/feeds/public/MOB.ics");
        Answer unknown = s.get("/feeds/public/NOPE.ics");

        assertThat(mob.status()).isEqualTo(200);
        assertThat(IcsParsed.parse(mob.body()).events).containsOnlyKeys(anasBug.uid(), bosDone.uid());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void feedRoutes_haveTheirOwnRateLimit_perClient() {
        s.t.api.update(TestApi.ROOMY.withFeedLimit(RateLimit.perMinute(2)));
        String token = s.add("all", FeedFilter.everything());
        String path = "/feeds/" + token + ".ics";

        Answer first = s.get(path);
        s.get(path);
        Answer refused = s.get(path);
        Answer webhookStatus = s.get("/webhooks/status");

        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().path("error_code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(webhookStatus.status()).isEqualTo(200);
    }

    @Test
    void tenThousandEvents_areStreamed_withoutAContentLength() {
        CalendarEvent[] many = new CalendarEvent[10_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = Events.anEvent().forIssue("bulk-" + i).withSummary("[" + i + "] Bulk " + i).build();
        }
        s.archive.put("Plane: Bulk", many);
        String token = s.add("all", FeedFilter.everything());

        Answer answer = s.get("/feeds/" + token + ".ics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Length")).isNull();
        assertThat(answer.body().split("BEGIN:VEVENT", -1)).hasSize(10_003 + 1);
    }

    @Test
    void accessLog_showsFeedRequests_withTheTokenMasked() throws Exception {
        String token = s.add("logged", FeedFilter.everything());
        String revoked = s.add("revoked", FeedFilter.everything());
        s.manage.revoke(new FeedName("revoked"));

        s.get("/feeds/" + token + ".ics");
        s.get("/feeds/" + revoked + ".ics");
        s.get("//feeds/" + token + ".ics");

        String log = "";
        for (int i = 0; i < 50 && !log.contains("status=404"); i++) {
            Thread.sleep(50);
            log = Files.readString(Path.of("target", "it-http.log"), StandardCharsets.UTF_8);
        }
        assertThat(log).contains("GET /feeds/[token].ics route=/feeds/{token}.ics status=200")
                .contains("GET /feeds/[token].ics route=/feeds/{token}.ics status=404");
        assertThat(log).doesNotContain(token).doesNotContain(revoked);
    }

    private static String basic(String isoDate) {
        return isoDate.replace("-", "");
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
