package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.ical.ICalEventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process writing to the store is killed with SIGKILL at a random moment, three times over; after each kill the
 * store opens again, every file in it is a whole event, and every write that had returned is there.
 */
class VdirCalendarStoreCrashIT {
    private static final int ROUNDS = 3;

    @TempDir
    Path data;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aWriterKilledAtARandomMoment_leavesOnlyWholeEvents_andLosesNoWriteThatReturned() throws Exception {
        List<String> created = new ArrayList<>();
        int lastUpdate = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> acknowledged = runAndKill(round);
            acknowledged.stream().filter(line -> line.startsWith("created ")).map(line -> line.substring(8))
                    .forEach(created::add);
            for (String line : acknowledged) {
                if (line.startsWith("updated ")) {
                    lastUpdate = Math.max(lastUpdate, Integer.parseInt(line.substring(8)));
                }
            }
            checkStore(created, lastUpdate);
        }
        assertThat(created).as("the writer got some writes done before each kill").isNotEmpty();
    }

    private List<String> runAndKill(int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), data.toString(), Integer.toString(round))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child died mid-line: what was read is what was acknowledged
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!lines.contains("ready") && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lines).as("the writer started").contains("ready");

        assertThatThrownBy(() -> VdirCalendarStore.open(data, Clock.systemUTC()))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("in use by another CalPlaneBot process (pid " + child.pid() + ")");

        Thread.sleep(ThreadLocalRandom.current().nextLong(50, 600));
        child.destroyForcibly();
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        reader.join(2000);
        return lines.stream().filter(line -> !line.equals("ready")).collect(Collectors.toList());
    }

    private void checkStore(List<String> created, int lastUpdate) throws IOException {
        try (VdirCalendarStore store = VdirCalendarStore.open(data, Clock.systemUTC())) {
            CalendarId calendar = store.findCalendar(CrashingWriter.PROJECT).orElseThrow();
            Path folder = data.resolve("calendars").resolve(calendar.value());
            ICalEventCodec codec = new ICalEventCodec(Clock.systemUTC());
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.collect(Collectors.toList())) {
                    String name = file.getFileName().toString();
                    assertThat(name).as("no temporary file survives opening").doesNotEndWith(".tmp");
                    if (name.endsWith(".ics")) {
                        CalendarEvent event = codec.decode(Files.readString(file));
                        assertThat(event.identity().resourceName()).isEqualTo(name);
                    }
                }
            }
            Set<String> stored = store.listOwnedEvents(calendar).stream().map(StoredEvent::uid)
                    .collect(Collectors.toSet());
            for (String issue : created) {
                assertThat(stored).contains(EventIdentity.uidForIssue(issue));
            }
            int counter = Integer.parseInt(store.findEvent(calendar, EventIdentity.forIssue(CrashingWriter.COUNTER_ISSUE))
                    .orElseThrow().event().summary());
            assertThat(counter).as("the counter keeps every update that returned").isGreaterThanOrEqualTo(lastUpdate);
        }
    }
}
