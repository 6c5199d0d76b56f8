package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.domain.webhook.RawWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code state export|import}: the whole state moves to another store, open deliveries free to be taken. */
class StateDumpTest {
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path from;
    @TempDir
    Path to;

    static RawWebhook webhook(String body) {
        return new RawWebhook(Map.of("X-Plane-Event", List.of("issue"), "X-Plane-Signature", List.of("s1")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Fills a store with an open and claimed delivery, a done one, an applied time and a finished sync. */
    static String fill(JdbcStateStore store) {
        String open = store.inbox().store(webhook("{\"open\":\"é\"}"), "issue:a", Optional.of(T0.plusNanos(5000)),
                T0).orElseThrow();
        store.inbox().claim(Set.of(open), "old-process", T0, T0.plusSeconds(3600));
        String done = store.inbox().store(webhook("{\"done\":1}"), "issue:b", Optional.empty(), T0).orElseThrow();
        store.inbox().done(Set.of(done), T0.plusSeconds(1));
        store.appliedChanges().recordApplied("issue:a\tweird", T0.plusSeconds(7));
        LeaseGrant grant = store.syncLease().tryAcquire("sync-1", T0, Duration.ofSeconds(60)).orElseThrow();
        store.syncLease().release(grant, T0.plusSeconds(30));
        return open;
    }

    /** What {@link #fill} put there, checked in {@code store}. */
    static void assertFilled(JdbcStateStore store, String openId) {
        List<InboxDelivery> taken = store.inbox().takeOver("new-process", T0.plusSeconds(1), T0.plusSeconds(1),
                T0.plusSeconds(60), 10);
        assertThat(taken).extracting(InboxDelivery::id).containsExactly(openId);
        assertThat(taken.get(0).webhook()).isEqualTo(webhook("{\"open\":\"é\"}"));
        assertThat(taken.get(0).updatedAt()).contains(T0.plusNanos(5000));
        assertThat(store.inbox().store(webhook("{\"done\":1}"), "issue:b", Optional.empty(), T0.plusSeconds(2)))
                .as("the done delivery's body is still a repeat").isEmpty();
        assertThat(store.appliedChanges().lastApplied("issue:a\tweird")).contains(T0.plusSeconds(7));
        assertThat(store.syncLease().lastFinished()).contains(T0.plusSeconds(30));
        assertThat(store.syncLease().current(T0.plusSeconds(31))).isEmpty();
    }

    @Test
    void anExport_importedIntoAnEmptyStore_bringsEverything_withClaimsReleased() throws Exception {
        StringWriter dump = new StringWriter();
        String openId;
        try (JdbcStateStore source = JdbcStateStore.embedded(from)) {
            openId = fill(source);
            StateDump.Counts written = source.exportTo(dump);
            assertThat(written).isEqualTo(new StateDump.Counts(2, 1, 1));
        }
        try (JdbcStateStore target = JdbcStateStore.embedded(to)) {
            assertThat(target.importFrom(new StringReader(dump.toString()))).isEqualTo(new StateDump.Counts(2, 1, 1));
            assertFilled(target, openId);
            assertThat(target.importFrom(new StringReader(dump.toString())))
                    .as("importing twice adds no delivery").isEqualTo(new StateDump.Counts(0, 0, 1));
        }
    }

    @Test
    void aFileThatIsNotAnExport_isRefused_andNothingIsImported() throws Exception {
        try (JdbcStateStore target = JdbcStateStore.embedded(to)) {
            assertThatThrownBy(() -> target.importFrom(new StringReader("hello\n")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CalPlaneBot state export");
            assertThatThrownBy(() -> target.importFrom(new StringReader(StateDump.HEADER
                    + "\napplied\tYQ==\t5\ninbox\tbroken\n")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
            assertThat(target.appliedChanges().lastApplied("a")).isEmpty();
        }
    }
}
