package io.calplanebot.core.port.in;

/** Reports what the sync service is doing and how it has fared. */
public interface ReadStatusUseCase {

    SyncStatus status();

    /**
     * The health metrics; each peer's state is what real requests and background probes last showed. Never contacts
     * a peer, so it answers at once whatever the peers do.
     */
    HealthReport health();
}
