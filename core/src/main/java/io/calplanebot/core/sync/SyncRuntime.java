package io.calplanebot.core.sync;

import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueWebhookDecoder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one configuration connects the sync to: the issue source, the targets written to (each a calendar
 * store), the mapping and the webhook decoder. Immutable: a new configuration is a new runtime (see {@link RuntimeHolder}), so one piece of work
 * never mixes the old mapping with the new store.
 *
 * @param decoder   verifies webhook deliveries; empty where webhooks are not taken
 * @param resources closed when this runtime is retired and no work uses it any more
 */
public record SyncRuntime(IssueSource issues, List<SyncTarget> targets, IssueEventMapper mapper,
                          Optional<IssueWebhookDecoder> decoder, List<AutoCloseable> resources) {
    public SyncRuntime {
        Objects.requireNonNull(issues, "issue source");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a runtime needs at least one target to write to");
        }
        if (targets.stream().map(SyncTarget::name).distinct().count() != targets.size()) {
            throw new IllegalArgumentException("target names must differ: " + targets);
        }
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(decoder, "decoder");
        resources = List.copyOf(resources);
    }

    /** A runtime writing to one store, without webhook decoding and without resources of its own to close. */
    public static SyncRuntime of(IssueSource issues, CalendarStore calendars, IssueEventMapper mapper) {
        return new SyncRuntime(issues, List.of(SyncTarget.of(calendars)), mapper, Optional.empty(), List.of());
    }

    /** The same runtime, taking webhooks through {@code value}. */
    public SyncRuntime withDecoder(IssueWebhookDecoder value) {
        return new SyncRuntime(issues, targets, mapper, Optional.of(value), resources);
    }

    /** The same runtime, closing {@code closeables} when it is retired. */
    public SyncRuntime closing(AutoCloseable... closeables) {
        return new SyncRuntime(issues, targets, mapper, decoder, List.of(closeables));
    }

    /** The target of that name, if this runtime writes to it. */
    public Optional<SyncTarget> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Closes the resources; a failure to close one does not keep the others open. */
    void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing a client that is being replaced: nothing useful to do with the failure.
            }
        }
    }
}
