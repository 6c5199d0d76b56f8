package io.calplanebot.adapter.caldav;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KnownVersionsFileTest {
    private static final String ACCOUNT = "https://dav.example.com/ alice";
    private static final URI OURS = URI.create("https://dav.example.com/cal/plane-issue-1.ics");
    private static final URI FOREIGN = URI.create("https://dav.example.com/cal/dentist.ics");

    @TempDir
    Path dir;

    private final CalendarEvent event = Events.anEvent().forIssue("1111").withSummary("[1] Ünïcödé 🚀")
            .withDescription("two\nlines, with; separators").withCategories("a,b", "ラベル").withColor("orange")
            .build();
    private final Map<URI, KnownVersions.Known> entries = Map.of(
            OURS, new KnownVersions.Known("\"e1\"", Optional.of(new StoredEvent(event.identity(),
                    new EventVersion("\"e1\""), event))),
            FOREIGN, new KnownVersions.Known("W/\"f1\"", Optional.empty()));
    private static final URI CALENDAR = URI.create("https://dav.example.com/cal/");
    private final SyncStatus status = new SyncStatus(entries, Map.of(CALENDAR, new ListedCalendar(
            "http://radicale.org/ns/sync/ef4d1d61", Instant.parse("2026-11-30T10:15:30.123Z"),
            Map.of(OURS, "\"e1\"", FOREIGN, "W/\"f1\""))));

    @Test
    void whatWasWritten_isReadBackWhole_forTheSameAccountAndVersion() throws IOException {
        KnownVersionsFile file = new KnownVersionsFile(dir.resolve("status.bin"), "1.0");
        file.write(ACCOUNT, status);

        SyncStatus back = file.read(ACCOUNT);

        assertThat(back).isEqualTo(status);
        assertThat(back.known().get(OURS).owned().orElseThrow().event()).isEqualTo(event);
        assertThat(back.calendars().get(CALENDAR).members()).containsEntry(OURS, "\"e1\"").hasSize(2);
    }

    @Test
    void anotherAccountOrVersion_aMissingFile_orADamagedOne_isReadAsNothingKnown() throws IOException {
        Path path = dir.resolve("status.bin");
        assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).isEqualTo(SyncStatus.NONE);
        new KnownVersionsFile(path, "1.0").write(ACCOUNT, status);

        assertThat(new KnownVersionsFile(path, "1.0").read("https://dav.example.com/ bob")).isEqualTo(SyncStatus.NONE);
        assertThat(new KnownVersionsFile(path, "1.1").read(ACCOUNT)).isEqualTo(SyncStatus.NONE);
        byte[] whole = Files.readAllBytes(path);
        for (int cut : new int[] {whole.length - 7, whole.length - 1}) {
            Files.write(path, Arrays.copyOf(whole, cut));
            assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).as("cut at %d", cut)
                    .isEqualTo(SyncStatus.NONE);
        }
        Files.write(path, Arrays.copyOf(whole, whole.length + 1));
        assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).as("with a byte too many")
                .isEqualTo(SyncStatus.NONE);
        Files.writeString(path, "not a status file at all");
        assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).isEqualTo(SyncStatus.NONE);
    }

    @Test
    void writing_replacesTheFileWhole_andLeavesNoTemporaryFileBehind() throws IOException {
        Path path = dir.resolve("status.bin");
        KnownVersionsFile file = new KnownVersionsFile(path, "1.0");
        file.write(ACCOUNT, status);
        file.write(ACCOUNT, new SyncStatus(Map.of(FOREIGN, entries.get(FOREIGN)), Map.of()));

        assertThat(file.read(ACCOUNT).known()).containsOnlyKeys(FOREIGN);
        assertThat(file.read(ACCOUNT).calendars()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(path);
        }
    }
}
