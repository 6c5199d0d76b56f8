package io.calplanebot.bench;

import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.out.WebhookInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook inbox alone on the embedded database, without HTTP: concurrent writers keep deliveries as the intake
 * does (each call returns once its group commit reached the disk), open ones (with headers and body, the deliveries
 * that need work) and done ones (the fingerprint only, the outdated deliveries). It shows what the disk allows the
 * intake on this machine. Run with {@code bench/run.sh inbox}; CI runs a small count as a smoke test that asserts no
 * timing. The result goes to {@code bench/target/inbox.md}.
 */
class InboxLoadIT {
    @TempDir
    Path dataDirectory;

    @Test
    void concurrentWriters_keepEveryDelivery_andTheRatesAreWrittenDown() throws Exception {
        int writers = Integer.getInteger("bench.inboxWriters", 8);
        int deliveries = Integer.getInteger("bench.inboxDeliveries", 2000);
        int rounds = Integer.getInteger("bench.inboxRounds", 2);
        byte[] padding = new byte[1500];
        Arrays.fill(padding, (byte) 'x');
        String pad = new String(padding, StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "### %s, webhook inbox alone (embedded "
                        + "database), %d writers, %d deliveries a round, machine: %d cores, Java %s%n%n"
                        + "| round | kind | deliveries/s | p50 / p99 / max ms |%n|---|---|---|---|%n",
                java.time.LocalDate.now(), writers, deliveries, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        try (JdbcStateStore store = JdbcStateStore.embedded(dataDirectory)) {
            WebhookInbox inbox = store.inbox();
            int open = 0;
            for (int round = 0; round < rounds; round++) {
                for (boolean done : new boolean[] {false, true}) {
                    String tag = round + (done ? "d" : "o");
                    long[] took = new long[deliveries];
                    AtomicInteger next = new AtomicInteger();
                    AtomicInteger kept = new AtomicInteger();
                    Instant updated = Instant.parse("2026-12-01T10:00:00Z");
                    ExecutorService pool = Executors.newFixedThreadPool(writers);
                    List<Future<?>> running = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int w = 0; w < writers; w++) {
                        running.add(pool.submit(() -> {
                            for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
                                RawWebhook webhook = new RawWebhook(Map.of("X-Plane-Event", List.of("issue")),
                                        ("{\"event\":\"issue\",\"n\":\"" + tag + i + "\",\"pad\":\"" + pad + "\"}")
                                                .getBytes(StandardCharsets.UTF_8));
                                long sent = System.nanoTime();
                                Optional<String> id = done
                                        ? inbox.storeDone(webhook, "issue:" + (i % 50), Optional.of(updated),
                                        Instant.now())
                                        : inbox.store(webhook, "issue:" + (i % 50), Optional.of(updated), Instant.now());
                                took[i] = System.nanoTime() - sent;
                                if (id.isPresent()) {
                                    kept.incrementAndGet();
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> writer : running) {
                        writer.get();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    pool.shutdown();
                    assertThat(kept.get()).as("deliveries kept in round %s", tag).isEqualTo(deliveries);
                    if (!done) {
                        open += deliveries;
                    }
                    Arrays.sort(took);
                    out.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %s / %s / %s |%n", round + 1,
                            done ? "done (fingerprint only)" : "open (headers and body)", deliveries / seconds,
                            Report.f(took[deliveries / 2] / 1e6), Report.f(took[deliveries * 99 / 100] / 1e6),
                            Report.f(took[deliveries - 1] / 1e6)));
                }
            }
            assertThat(inbox.open()).as("open deliveries").isEqualTo(open);
        }
        out.append(flushes(Math.min(deliveries, 2000), writers));
        Path result = Path.of(System.getProperty("bench.inboxOut", "target/inbox.md"));
        Files.createDirectories(result.toAbsolutePath().getParent());
        Files.writeString(result, out.toString());
        System.out.println(out);
    }

    /**
     * What one flush to the disk takes here: {@code count} appends of 4 KB to a file in the data directory, each
     * followed by {@code fdatasync} (as a commit of the write-ahead log is); and the most deliveries a second that
     * {@code writers} writers can have kept if each waits for one flush and nothing else.
     */
    private String flushes(int count, int writers) throws Exception {
        long[] took = new long[count];
        ByteBuffer page = ByteBuffer.allocate(4096);
        try (FileChannel file = FileChannel.open(dataDirectory.resolve("flushes.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                page.clear();
                while (page.hasRemaining()) {
                    file.write(page);
                }
                file.force(false);
                took[i] = System.nanoTime() - start;
            }
            assertThat(file.size()).as("every page appended").isEqualTo(4096L * count);
        }
        Arrays.sort(took);
        double median = took[count / 2] / 1e6;
        return String.format(Locale.ROOT, "%nThe disk's flush in the same directory (%d appends of 4 KB, each "
                        + "followed by fdatasync): p50 / p99 / max %s / %s / %s ms; %d writers that each wait for one "
                        + "flush at the p50 and for nothing else keep at most %.0f deliveries/s.%n", count,
                Report.f(median), Report.f(took[count * 99 / 100] / 1e6), Report.f(took[count - 1] / 1e6), writers,
                writers / median * 1000);
    }
}
