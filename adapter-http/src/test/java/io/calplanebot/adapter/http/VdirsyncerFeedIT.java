package io.calplanebot.adapter.http;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.calplanebot.adapter.http.FeedServer.ANA;
import static io.calplanebot.adapter.http.FeedServer.BO;
import static io.calplanebot.adapter.http.FeedServer.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * vdirsyncer's {@code http} storage subscribes to a feed served by the real HTTP API and copies it into a
 * {@code filesystem} storage, as a user's setup would; after the token is revoked its next sync fails.
 */
class VdirsyncerFeedIT {
    private final FeedServer s = new FeedServer(TestApi.ROOMY);
    private final CalendarEvent anasBug = event("1", "MOB", StateGroup.STARTED, Priority.HIGH, List.of(ANA), "bug");
    private final CalendarEvent bosDone = event("2", "MOB", StateGroup.COMPLETED, Priority.LOW, List.of(BO));
    private final CalendarEvent webTask = event("3", "WEB", StateGroup.UNSTARTED, Priority.NONE, List.of(ANA, BO),
            "Ünïcødé, 🚀 " + "long label ".repeat(10).strip());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void vdirsyncer_copiesEveryEventOfTheFeed_andFailsOnceTheTokenIsRevoked() throws IOException {
        Path vdirsyncer = Subscriber.vdirsyncer();
        s.archive.put("Plane: Mobile", anasBug, bosDone).put("Plane: Web", webTask);
        String token = s.add("ana", FeedFilter.everything().withAssignees(Set.of("ana@example.com"))
                .withCompleted(CompletedMode.SHOW));
        Path config = writeConfig("http://127.0.0.1:" + s.t.api.port() + "/feeds/" + token + ".ics");

        Subscriber.Outcome discover = Subscriber.run(dir, vdirsyncer.toString(), "-c", config.toString(),
                "discover", "feed");
        Subscriber.Outcome sync = Subscriber.run(dir, vdirsyncer.toString(), "-c", config.toString(), "sync");

        assertThat(discover.exitCode()).as(discover.output()).isZero();
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        Map<String, VEvent> copied = copiedEvents();
        assertThat(copied).containsOnlyKeys(anasBug.summary(), webTask.summary());
        assertThat(IcsParsed.value(copied.get(anasBug.summary()), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(IcsParsed.value(copied.get(anasBug.summary()), "DTSTART")).isEqualTo(
                anasBug.start().toString().replace("-", ""));
        assertThat(IcsParsed.value(copied.get(webTask.summary()), "CATEGORIES")).isEqualTo(webTask.categories().get(0)
                .replace(",", "\\,"));

        s.manage.revoke(new FeedName("ana"));
        Subscriber.Outcome afterRevoke = Subscriber.run(dir, vdirsyncer.toString(), "-c", config.toString(), "sync");

        assertThat(afterRevoke.exitCode()).as(afterRevoke.output()).isNotZero();
        assertThat(afterRevoke.output()).contains("Not Found");
        assertThat(s.get("/feeds/" + token + ".ics").status()).isEqualTo(404);
    }

    private Path writeConfig(String url) throws IOException {
        Files.createDirectories(dir.resolve("local"));
        Path config = dir.resolve("config");
        Files.writeString(config, String.join("\n",
                "[general]",
                "status_path = \"" + dir.resolve("status") + "/\"",
                "",
                "[pair feed]",
                "a = \"feed_remote\"",
                "b = \"feed_local\"",
                "collections = null",
                "",
                "[storage feed_remote]",
                "type = \"http\"",
                "url = \"" + url + "\"",
                "",
                "[storage feed_local]",
                "type = \"filesystem\"",
                "path = \"" + dir.resolve("local") + "/\"",
                "fileext = \".ics\"",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    /**
     * The events vdirsyncer wrote, one file each, by SUMMARY: its {@code http} storage replaces every UID with a
     * hash of the item (it assumes feeds' UIDs are unstable), so the UIDs are checked by {@link FeedEndpointIT}.
     */
    private Map<String, VEvent> copiedEvents() throws IOException {
        Map<String, VEvent> bySummary = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir.resolve("local"))) {
            all.filter(p -> p.toString().endsWith(".ics")).forEach(files::add);
        }
        for (Path file : files) {
            IcsParsed.parse(Files.readString(file, StandardCharsets.UTF_8)).events.values()
                    .forEach(event -> bySummary.put(IcsParsed.value(event, "SUMMARY"), event));
        }
        return bySummary;
    }
}
