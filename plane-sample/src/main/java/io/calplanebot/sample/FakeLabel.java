package io.calplanebot.sample;

import java.time.Instant;

/** A label of a fake project. */
record FakeLabel(String id, String projectId, String name, String color, double sortOrder, Instant createdAt) {
}
