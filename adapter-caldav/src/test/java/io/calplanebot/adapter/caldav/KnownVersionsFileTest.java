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

    @Test
    void whatWasWritten_isReadBackWhole_forTheSameAccountAndVersion() throws IOException {
        KnownVersionsFile file = new KnownVersionsFile(dir.resolve("status.bin"), "1.0");
        file.write(ACCOUNT, entries);

        Map<URI, KnownVersions.Known> back = file.read(ACCOUNT);

        assertThat(back).isEqualTo(entries);
        assertThat(back.get(OURS).owned().orElseThrow().event()).isEqualTo(event);
    }

    @Test
    void anotherAccountOrVersion_aMissingFile_orADamagedOne_isReadAsNothingKnown() throws IOException {
        Path path = dir.resolve("status.bin");
        assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).isEmpty();
        new KnownVersionsFile(path, "1.0").write(ACCOUNT, entries);

        assertThat(new KnownVersionsFile(path, "1.0").read("https://dav.example.com/ bob")).isEmpty();
        assertThat(new KnownVersionsFile(path, "1.1").read(ACCOUNT)).isEmpty();
        byte[] whole = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(whole, whole.length - 7));
        assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).isEmpty();
        Files.writeString(path, "not a status file at all");
        assertThat(new KnownVersionsFile(path, "1.0").read(ACCOUNT)).isEmpty();
    }

    @Test
    void writing_replacesTheFileWhole_andLeavesNoTemporaryFileBehind() throws IOException {
        Path path = dir.resolve("status.bin");
        KnownVersionsFile file = new KnownVersionsFile(path, "1.0");
        file.write(ACCOUNT, entries);
        file.write(ACCOUNT, Map.of(FOREIGN, entries.get(FOREIGN)));

        assertThat(file.read(ACCOUNT)).containsOnlyKeys(FOREIGN);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(path);
        }
    }
}
