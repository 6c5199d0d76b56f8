package io.calplanebot.core.port.in;

/** Reports what the sync service is doing and how it has fared. */
public interface ReadStatusUseCase {

    SyncStatus status();

    /** The health metrics; the connection states come from recent checks of both peers. */
    HealthReport health();
}
