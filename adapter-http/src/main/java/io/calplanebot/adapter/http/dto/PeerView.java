package io.calplanebot.adapter.http.dto;

import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.PeerHealth;

/**
 * One peer in {@code metrics.peers} of {@code GET /api/v1/health}: Plane ({@code role} {@code issue_source}) or a
 * calendar target ({@code calendar_target}), its state, since when it is in it, when it was last heard of, and why it
 * is unhealthy.
 */
public record PeerView(String name, String role, String state, String since, String checkedAt, String error) {

    public static PeerView issueSource(PeerHealth health) {
        return of("plane", "issue_source", health);
    }

    public static PeerView target(String name, PeerHealth health) {
        return of(name, "calendar_target", health);
    }

    private static PeerView of(String name, String role, PeerHealth health) {
        return new PeerView(name, role, health.state().wireName(), Timestamps.isoOrNull(health.since()),
                Timestamps.isoOrNull(health.checkedAt()), health.error().orElse(null));
    }
}
