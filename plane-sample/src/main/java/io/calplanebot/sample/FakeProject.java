package io.calplanebot.sample;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A project of the fake workspace; mutable, guarded by the world's lock. */
final class FakeProject {
    final String id;
    final Instant createdAt;
    String identifier;
    String name;
    Instant updatedAt;
    Instant archivedAt;
    boolean deleted;
    int network = 0;
    final Set<String> members = new LinkedHashSet<>();
    int nextSequence = 1;

    FakeProject(String id, String identifier, String name, Instant createdAt) {
        this.id = id;
        this.identifier = identifier;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }
}
