package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.ActionKind;

/** One write the executor is to make. */
public sealed interface SyncAction permits CreateEvent, UpdateEvent, DeleteEvent {

    String uid();

    String summary();

    ActionKind kind();
}
