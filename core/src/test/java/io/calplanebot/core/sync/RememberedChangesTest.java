package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.AppliedChanges;
import io.calplanebot.core.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedChangesTest {
    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-20T12:00:00Z");

    private final AppliedChanges database = new InMemoryStateStore().appliedChanges();
    private final AtomicInteger reads = new AtomicInteger();
    private final AppliedChanges counted = new AppliedChanges() {
        @Override
        public Optional<Instant> lastApplied(String subject) {
            reads.incrementAndGet();
            return database.lastApplied(subject);
        }

        @Override
        public void recordApplied(String subject, Instant updatedAt) {
            database.recordApplied(subject, updatedAt);
        }
    };
    private final RememberedChanges remembered = new RememberedChanges(counted);

    @Test
    void aSubject_isReadFromTheStoreOnce_thenAnsweredFromMemory() {
        database.recordApplied("issue:a", T2);

        assertThat(remembered.lastApplied("issue:a")).contains(T2);
        assertThat(remembered.lastApplied("issue:a")).contains(T2);
        assertThat(remembered.lastApplied("issue:b")).isEmpty();
        assertThat(remembered.lastApplied("issue:b")).isEmpty();

        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void records_reachTheStore_andOnlyANewerTimeReplacesTheRememberedOne() {
        remembered.lastApplied("issue:a");
        remembered.recordApplied("issue:a", T2);
        remembered.recordAllApplied(Map.of("issue:a", T1, "issue:c", T3));

        assertThat(remembered.lastApplied("issue:a")).contains(T2);
        assertThat(database.lastApplied("issue:a")).contains(T2);
        assertThat(database.lastApplied("issue:c")).contains(T3);
        assertThat(remembered.lastApplied("issue:c")).contains(T3);
    }

    @Test
    void aNewerTimeKeptByAnEarlierProcess_isNotHiddenByAnOlderRecord() {
        database.recordApplied("issue:a", T3);

        remembered.recordApplied("issue:a", T1);

        assertThat(remembered.lastApplied("issue:a")).contains(T3);
    }
}
