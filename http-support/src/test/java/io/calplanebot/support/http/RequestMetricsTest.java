package io.calplanebot.support.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMetrics metrics = RequestMetrics.of(registry, "calls", "Calls", List.of("read", "write"),
            e -> e instanceof IllegalStateException ? "refused" : RequestMetrics.ERROR);

    private long count(String operation, String outcome) {
        return registry.get("calls").tag("operation", operation).tag("outcome", outcome).timer().count();
    }

    @Test
    void okSeries_existAtZero_fromTheStart() {
        assertThat(count("read", "ok")).isZero();
        assertThat(count("write", "ok")).isZero();
    }

    @Test
    void success_isRecordedAsOk() {
        assertThat(metrics.time("read", () -> 42)).isEqualTo(42);

        assertThat(count("read", "ok")).isEqualTo(1);
    }

    @Test
    void failure_isRecordedWithItsOutcomeWord_andRethrown() {
        assertThatThrownBy(() -> metrics.time("write", () -> {
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> metrics.time("write", () -> {
            throw new IllegalArgumentException("no");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(count("write", "refused")).isEqualTo(1);
        assertThat(count("write", "error")).isEqualTo(1);
    }

    @Test
    void withoutARegistry_nothingIsRecorded_andTheCallRuns() {
        RequestMetrics none = RequestMetrics.of(null, "calls", "Calls", List.of("read"), e -> "x");

        assertThat(none.time("read", () -> "done")).isEqualTo("done");
        assertThat(registry.find("calls").tag("operation", "read").timers()).hasSize(1);
    }

    @Test
    void reasonOf_isTheLowerCaseName() {
        assertThat(RequestMetrics.reasonOf(Thread.State.TIMED_WAITING)).isEqualTo("timed_waiting");
    }
}
