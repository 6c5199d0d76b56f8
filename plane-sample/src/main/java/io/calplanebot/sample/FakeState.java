package io.calplanebot.sample;

import java.time.Instant;

/** A workflow state of a fake project. */
record FakeState(String id, String projectId, String name, String color, String group, double sequence,
                 boolean isDefault, Instant createdAt) {
}
