package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.testing.StateStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store: the state-store contract on a SQLite file in the data directory, across reopens. */
class SqliteStateStoreTest extends StateStoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    protected StateStore newStore() {
        return JdbcStateStore.embedded(dataDirectory);
    }

    @Override
    protected StateStore reopen(StateStore old) {
        old.close();
        return JdbcStateStore.embedded(dataDirectory);
    }

    @Test
    void theEmbeddedStore_isOneFileInTheDataDirectory_andNotShared() {
        assertThat(Files.isRegularFile(dataDirectory.resolve(JdbcStateStore.EMBEDDED_FILE))).isTrue();
        assertThat(store.shared()).isFalse();
    }

    @Test
    void aDoneDelivery_keepsOnlyItsFingerprint_whileAnOpenOneKeepsItsHeadersAndBody() {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        RawWebhook open = webhook("{\"open\":1}");
        store.inbox().store(open, "issue:a", Optional.of(t0), t0).orElseThrow();
        String applied = store.inbox().store(webhook("{\"applied\":1}"), "issue:b", Optional.of(t0), t0)
                .orElseThrow();
        store.inbox().done(Set.of(applied), t0.plusSeconds(1));
        store.inbox().storeDone(webhook("{\"outdated\":1}"), "issue:c", Optional.of(t0), t0).orElseThrow();

        StringWriter dump = new StringWriter();
        ((JdbcStateStore) store).exportTo(dump);

        Map<String, String[]> rows = new java.util.HashMap<>();
        dump.toString().lines().filter(line -> line.startsWith("inbox\t"))
                .map(line -> line.split("\t", -1)).forEach(fields -> rows.put(
                        new String(java.util.Base64.getDecoder().decode(fields[2]), StandardCharsets.UTF_8), fields));
        assertThat(rows).containsOnlyKeys("issue:a", "issue:b", "issue:c");
        assertThat(Arrays.asList(rows.get("issue:a")).subList(6, 8)).allMatch(field -> !field.isEmpty());
        assertThat(Arrays.asList(rows.get("issue:b")).subList(6, 8)).containsOnly("");
        assertThat(Arrays.asList(rows.get("issue:c")).subList(6, 8)).containsOnly("");
        assertThat(store.inbox().store(webhook("{\"applied\":1}"), "issue:b", Optional.empty(), t0)).isEmpty();
        assertThat(store.inbox().store(webhook("{\"outdated\":1}"), "issue:c", Optional.empty(), t0)).isEmpty();
    }

    @Test
    void theWriteAheadLog_growsToAbout16MegabytesBeforeItIsCopiedBack_andNoFurther() throws Exception {
        Path log = dataDirectory.resolve(JdbcStateStore.EMBEDDED_FILE + "-wal");
        byte[] filler = new byte[48 * 1024];
        Arrays.fill(filler, (byte) 'x');
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        long largest = 0;
        // about 40 MB of deliveries, each a commit of its own: the log is copied back twice or more meanwhile
        for (int i = 0; i < 800; i++) {
            byte[] body = ("{\"n\":" + i + ",\"pad\":\"" + new String(filler, StandardCharsets.US_ASCII) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            store.inbox().store(new RawWebhook(Map.of(), body), "issue:" + i, Optional.of(t0), t0).orElseThrow();
            largest = Math.max(largest, Files.size(log));
        }
        long pages = JdbcStateStore.CHECKPOINT_PAGES;
        assertThat(largest).as("largest size of the log").isGreaterThan((pages - 1000) * 4096)
                .isLessThan((pages + 200) * (4096 + 24));
    }

    private static RawWebhook webhook(String body) {
        return new RawWebhook(Map.of("X-Plane-Event", List.of("issue")), body.getBytes(StandardCharsets.UTF_8));
    }
}
