package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.AppliedChanges;
import io.calplanebot.core.state.InMemoryStateStore;

import java.util.Objects;

/**
 * What the webhook changes and the full syncs of one engine tell each other: the projects as last read, the events
 * as last listed or written, what webhooks wrote while a full sync ran, and (durably, across replicas) the newest {@code updated_at} applied per
 * issue, which the full sync records too so that an older delivery never undoes it.
 */
final class ChangeMemory {
    private final KnownProjects projects = new KnownProjects();
    private final WebhookWrites writes = new WebhookWrites();
    private final KnownEvents events = new KnownEvents();
    private final AppliedChanges applied;

    ChangeMemory(AppliedChanges applied) {
        this.applied = Objects.requireNonNull(applied, "applied changes");
    }

    /** Memory of its own, in this process only. */
    static ChangeMemory standalone() {
        return new ChangeMemory(new InMemoryStateStore().appliedChanges());
    }

    KnownProjects projects() {
        return projects;
    }

    WebhookWrites writes() {
        return writes;
    }

    KnownEvents events() {
        return events;
    }

    AppliedChanges applied() {
        return applied;
    }
}
