package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in store keeps what it read of its event files in the data directory, so that the next process lists a
 * calendar without reading the files that did not change; a changed file is read again, a damaged status ignored.
 */
class VdirStatusFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC);
    private static final Project MOBILE = new Project("6f1c-aa", "MOB", "Mobile");
    private static final IssueFacts FACTS = new IssueFacts(MOBILE.id(), "MOB", StateGroup.STARTED, Priority.HIGH,
            List.of(new Person("u-1", "ada@example.test", "Ada")));

    @TempDir
    Path data;

    private Path file(String issue) {
        return data.resolve("calendars").resolve("plane-6f1c-aa").resolve("plane-issue-" + issue + ".ics");
    }

    /** Writes two events (one with issue facts) with one opening of the store and closes it. */
    private List<StoredEvent> writeTwoEvents() {
        try (VdirCalendarStore store = VdirCalendarStore.open(data, CLOCK)) {
            CalendarId calendar = store.ensureCalendar(MOBILE);
            store.create(calendar, Events.anEvent().forIssue("i-1").withSummary("[1] Ship").build()
                    .withFacts(Optional.of(FACTS)));
            store.create(calendar, Events.anEvent().forIssue("i-2").withSummary("[2] Test")
                    .withCategories("Bug", "a, b").withColor("tomato").build());
            return store.listOwnedEvents(calendar);
        }
    }

    private static List<StoredEvent> listed(VdirCalendarStore store) {
        return store.listOwnedEvents(new CalendarId("plane-6f1c-aa"));
    }

    /** Replaces the file's bytes with as many other bytes, keeping its modification time. */
    private static void scrambleKeepingItsTime(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] garbage = new byte[(int) Files.size(file)];
        Arrays.fill(garbage, (byte) 'x');
        Files.write(file, garbage);
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void theNextOpening_takesAnUnchangedFileFromTheStatus_withoutReadingIt() throws IOException {
        List<StoredEvent> written = writeTwoEvents();
        assertThat(data.resolve(VdirStatusFile.NAME)).isRegularFile();
        scrambleKeepingItsTime(file("i-1"));

        try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
            assertThat(listed(reopened)).containsExactlyInAnyOrderElementsOf(written);
            assertThat(listed(reopened)).filteredOn(e -> e.uid().contains("i-1")).singleElement()
                    .satisfies(e -> assertThat(e.event().facts()).contains(FACTS));
        }
    }

    @Test
    void aFileChangedWhileTheStoreWasClosed_isReadAgain() throws IOException {
        writeTwoEvents();
        Path changed = file("i-2");
        String ics = Files.readString(changed, StandardCharsets.UTF_8);
        Files.writeString(changed, ics.replace("SUMMARY:[2] Test", "SUMMARY:[2] Tested by hand"),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(changed, FileTime.from(Instant.parse("2026-11-30T19:00:00Z")));

        try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
            assertThat(listed(reopened)).extracting(e -> e.event().summary())
                    .containsExactlyInAnyOrder("[1] Ship", "[2] Tested by hand");
            assertThat(listed(reopened)).filteredOn(e -> e.uid().contains("i-2")).singleElement()
                    .satisfies(e -> assertThat(e.version()).isEqualTo(Etags.of(Files.readAllBytes(changed))));
        }
    }

    @Test
    void aDeletedFile_isNoLongerListed_andTheStatusForgetsIt() throws IOException {
        writeTwoEvents();
        Files.delete(file("i-1"));

        try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
            assertThat(listed(reopened)).extracting(e -> e.event().summary()).containsExactly("[2] Test");
        }
        assertThat(new VdirStatusFile(data.resolve(VdirStatusFile.NAME), "development").read())
                .containsOnlyKeys("plane-6f1c-aa")
                .satisfies(kept -> assertThat(kept.get("plane-6f1c-aa")).containsOnlyKeys("plane-issue-i-2.ics"));
    }

    /** Changes the summary of the file in place (as many bytes), keeping its modification time. */
    private static void editKeepingItsTime(Path file, String from, String to) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace(from, to),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void aDamagedStatusFile_isIgnored_andEveryFileReadAgain() throws IOException {
        writeTwoEvents();
        Path status = data.resolve(VdirStatusFile.NAME);
        byte[] whole = Files.readAllBytes(status);
        String summary = "[2] Test";
        for (int cut : new int[] {0, 3, 11, whole.length / 2, whole.length - 1}) {
            String next = "[2] T" + (char) ('a' + cut % 26) + "st";
            editKeepingItsTime(file("i-2"), "SUMMARY:" + summary, "SUMMARY:" + next);
            summary = next;
            Files.write(status, Arrays.copyOf(whole, cut));

            try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
                assertThat(listed(reopened)).as("status cut at %d bytes", cut).extracting(e -> e.event().summary())
                        .containsExactlyInAnyOrder("[1] Ship", next);
            }
            whole = Files.readAllBytes(status);
        }
    }

    @Test
    void aFileEditedInPlaceWithItsTimeKept_isTakenFromTheStatus() throws IOException {
        writeTwoEvents();
        editKeepingItsTime(file("i-2"), "SUMMARY:[2] Test", "SUMMARY:[2] Tost");

        try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
            assertThat(listed(reopened)).extracting(e -> e.event().summary())
                    .as("size, time and file key unchanged: the file is not read")
                    .containsExactlyInAnyOrder("[1] Ship", "[2] Test");
        }
    }

    @Test
    void aStoreThatChangedNothing_leavesTheStatusFileAsItWas() throws IOException {
        writeTwoEvents();
        Path status = data.resolve(VdirStatusFile.NAME);
        FileTime before = FileTime.from(Instant.parse("2026-11-01T00:00:00Z"));
        Files.setLastModifiedTime(status, before);

        try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
            assertThat(listed(reopened)).hasSize(2);
        }
        assertThat(Files.getLastModifiedTime(status)).as("not written again").isEqualTo(before);

        try (VdirCalendarStore reopened = VdirCalendarStore.open(data, CLOCK)) {
            reopened.create(new CalendarId("plane-6f1c-aa"), Events.anEvent().forIssue("i-3").build());
        }
        assertThat(Files.getLastModifiedTime(status)).as("written after a change").isNotEqualTo(before);
        assertThat(new VdirStatusFile(status, "development").read().get("plane-6f1c-aa")).hasSize(3);
    }

    @Test
    void aStatusOfAnotherVersion_isNotUsed() throws IOException {
        writeTwoEvents();
        Path status = data.resolve(VdirStatusFile.NAME);

        assertThat(new VdirStatusFile(status, "development").read()).isNotEmpty();
        assertThat(new VdirStatusFile(status, "9.9.9").read()).isEmpty();
    }
}
