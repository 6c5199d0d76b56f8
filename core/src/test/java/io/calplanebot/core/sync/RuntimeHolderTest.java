package io.calplanebot.core.sync;

import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeHolderTest {
    private final List<String> closed = new ArrayList<>();

    private SyncRuntime runtime(String name) {
        return SyncRuntime.of(new InMemoryIssueSource(), new InMemoryCalendarStore(), SyncFixtures.MAPPER)
                .closing(() -> closed.add(name));
    }

    @Test
    void replace_closesTheOldRuntimeAtOnce_whenNoWorkHoldsIt() {
        RuntimeHolder holder = new RuntimeHolder(runtime("first"));
        SyncRuntime second = runtime("second");
        holder.replace(second);

        assertThat(closed).containsExactly("first");
        assertThat(holder.peek()).isSameAs(second);
    }

    @Test
    void replace_keepsTheOldRuntimeOpen_untilTheWorkThatHoldsItHasFinished() {
        RuntimeHolder holder = new RuntimeHolder(runtime("first"));
        SyncRuntime first = holder.peek();
        try (RuntimeHolder.Lease lease = holder.acquire()) {
            holder.replace(runtime("second"));
            assertThat(closed).isEmpty();
            assertThat(lease.runtime()).as("work keeps the runtime it started with").isSameAs(first);
            try (RuntimeHolder.Lease later = holder.acquire()) {
                assertThat(later.runtime()).as("new work gets the new runtime").isNotSameAs(first);
            }
        }
        assertThat(closed).containsExactly("first");
    }

    @Test
    void aLease_releasedTwice_countsOnce() {
        RuntimeHolder holder = new RuntimeHolder(runtime("first"));
        RuntimeHolder.Lease a = holder.acquire();
        RuntimeHolder.Lease b = holder.acquire();
        holder.replace(runtime("second"));
        a.close();
        a.close();
        assertThat(closed).isEmpty();
        b.close();
        assertThat(closed).containsExactly("first");
    }

    @Test
    void close_closesTheRuntime_andRefusesNewWork() {
        RuntimeHolder holder = new RuntimeHolder(runtime("only"));
        holder.close();
        assertThat(closed).containsExactly("only");
        assertThatThrownBy(holder::acquire).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResourceThatFailsToClose_doesNotKeepTheOthersOpen() {
        SyncRuntime runtime = SyncRuntime.of(new InMemoryIssueSource(), new InMemoryCalendarStore(),
                SyncFixtures.MAPPER).closing(() -> {
                    throw new IllegalStateException("boom");
                }, () -> closed.add("second resource"));
        new RuntimeHolder(runtime).close();
        assertThat(closed).containsExactly("second resource");
    }
}
