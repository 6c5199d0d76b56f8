package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.port.out.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process storing webhook deliveries in the embedded store is killed with SIGKILL at a random moment, three times
 * over; after each kill the store opens, and every delivery whose store had returned (would have been answered 200)
 * is in the inbox, whole.
 */
class InboxCrashIT {
    private static final int ROUNDS = 3;

    @TempDir
    Path data;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aProcessKilledWhileItStoresDeliveries_losesNoDeliveryThatWasAcknowledged() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.addAll(runAndKill(round));

            try (StateStore store = JdbcStateStore.embedded(data)) {
                List<InboxDelivery> open = store.inbox().takeOver("checker", Instant.now().plusSeconds(3600),
                        Instant.now().plusSeconds(3600), Instant.now().plusSeconds(3600), Integer.MAX_VALUE);
                Set<String> bodies = open.stream()
                        .map(d -> new String(d.webhook().body(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet());
                assertThat(bodies).as("every acknowledged delivery survived round %d", round)
                        .containsAll(acknowledged);
                assertThat(open).allSatisfy(d -> assertThat(d.webhook().header("X-Plane-Event")).contains("issue"));
                store.inbox().release(open.stream().map(InboxDelivery::id).collect(Collectors.toSet()), "checker");
            }
        }
        assertThat(acknowledged).as("the writer got deliveries stored before the kills").hasSizeGreaterThan(10);
        System.out.println("inbox crash test: " + acknowledged.size() + " acknowledged deliveries over " + ROUNDS
                + " SIGKILLs, 0 lost");
    }

    private List<String> runAndKill(int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingInboxWriter.class.getName(), data.toString(), Integer.toString(round))
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!lines.contains("ready") && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lines).as("the writer started").contains("ready");
        Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1200));
        child.destroyForcibly();
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        reader.join(2000);
        List<String> stored = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("stored ")) {
                stored.add(line.substring("stored ".length()));
            }
        }
        return stored;
    }
}
